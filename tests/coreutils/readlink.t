%setup mkdir -p d/e; touch d/f; ln -s d/f l; ln -s d dl; ln -s l ll; ln -s nowhere dang; ln -s loop1 loop2; ln -s loop2 loop1; ln -s ../f d/e/up
readlink l
readlink ll
readlink dang
readlink -n l
readlink l dl
@status readlink d/f
@status readlink nope
readlink -f l | sed "s|$PWD|.|"
readlink -f ll | sed "s|$PWD|.|"
readlink -f dl/e/../f | sed "s|$PWD|.|"
readlink -f dang | sed "s|$PWD|.|"
readlink -f nope | sed "s|$PWD|.|"
@status readlink -f nope/x
readlink -e l | sed "s|$PWD|.|"
@status readlink -e dang
readlink -m nope/x/../y | sed "s|$PWD|.|"
@status readlink -f loop1
readlink -f . | sed "s|$PWD|.|"
readlink -f / //
readlink -f d/e/up | sed "s|$PWD|.|"
@status readlink
