%setup mkdir -p d/e; touch d/f; ln -s d/f l; ln -s d dl; ln -s nowhere dang
realpath l | sed "s|$PWD|.|"
realpath dl/e/.. | sed "s|$PWD|.|"
realpath . d | sed "s|$PWD|.|"
realpath dang | sed "s|$PWD|.|"
realpath -s dl/e/.. | sed "s|$PWD|.|"
realpath -m a/b/../c | sed "s|$PWD|.|"
@status realpath -e dang
@status realpath nope/x
realpath -q nope/x; echo $?
realpath /usr/../etc
@status realpath
realpath d/f/ | sed "s|$PWD|.|"; echo $?
