%setup printf 'abc\ndef\n' > a; printf 'abc\ndef\n' > a2; printf 'abc\ndxf\n' > b; printf 'abc\n' > short; printf '' > empty; printf 'xbc\ndeg\n' > c
cmp a a2; echo $?
cmp a b; echo $?
cmp -s a b; echo $?
cmp -s a a2; echo $?
cmp -l a c; echo $?
cmp a short 2>/dev/null; echo $?
@err cmp a short
@err cmp short a
@err cmp -l a short
@err cmp a empty
cmp - a < a2; echo $?
cmp a - < b; echo $?
@status cmp a nope
@status cmp a
@status cmp
