%setup printf 'hello world\nfoo  bar baz\n\n' > a; printf 'no newline' > b; printf '' > e
wc a
wc a b
wc -l a
wc -w a b
wc -c b
wc -lc a b e
wc < a
wc -l < a
wc -m a
wc e
wc -wl a
@err wc nope
wc a nope
