%setup printf 'one\ntwo\n\nfour' > a; printf 'x\ny\n' > b
cat a
cat a b
cat -n a b
cat -n b a
cat - < b
cat a - b < b
@err cat nope
@err cat a nope b
cat -u a
cat < /dev/null
cat -n
@err cat .
