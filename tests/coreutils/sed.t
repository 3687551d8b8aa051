# sed against GNU sed: substitutions, addresses, ranges, every command, -n -e -f -E -i -s.
%setup printf 'hello world\nfoo bar\nbaz qux\nfoo again\nlast line\n' > f; printf 'one\ntwo\nthree\n' > g; printf 'no newline' > nn; printf 'a.b.c\nx/y/z\n' > p
sed 's/o/0/' f
sed 's/o/0/g' f
sed 's/o/0/2' f
sed 's/o/0/2g' f
sed 's/\(o\)\(.\)/[\2\1]/g' f
sed 's/[a-z]*/<&>/' f
sed 's/[a-z]*/<&>/g' f
sed 's/x*/-/g' g
sed 's/e*/X/g' g
sed 's/^/> /' f
sed 's/$/ </' f
sed 's/.*/"&"/' f
sed 's/o/\&/g' f
sed 's|/|_|g' p
sed 's,\.,:,g' p
sed 's/\./\n/g' p
sed 's/o/\
/' g
sed -n 's/foo/FOO/p' f
sed -n 's/foo/FOO/gp' f
sed 's/FOO/bar/I' f
sed 's/\(hello\) \(world\)/\2 \1/' f
sed -E 's/(hello) (world)/\2 \1/' f
sed -E 's/o+/0/g' f
sed -E 's/(a|o)/[\1]/g' f
sed -r 's/^([a-z]+) ([a-z]+)$/\2-\1/' f
sed 's/o\+/0/g' f
sed 's/lo\?/L/g' f
sed 's/o\{2\}/00/' f
sed -E 's/[[:space:]]+/_/g' f
sed 's/[[:upper:]]/U/g' f
sed 's/[^a-z]/#/g' f
sed 's/\(.\)\1/<\1\1>/g' f
sed 's/\w\+/W/g' f
sed 's/a/b/w out' f; cat out
sed 's/\(.*\)/\U\1/' g
sed 's/\(.\)\(.*\)/\u\1\2/' g
sed 's/.*/\L&/' f
sed 's/[/]/X/' p
sed 's/a\/b/Q/' p
sed 's:x/y:Q:' p
sed '2d' f
sed '2,3d' f
sed '$d' f
sed '/foo/d' f
sed '/foo/!d' f
sed '2!d' f
sed '1,/foo/d' f
sed '/hello/,/baz/d' f
sed '/foo/,+1d' f
sed '2,~4d' f
sed '0,/foo/d' f
sed '1~2d' f
sed '0~2d' f
sed '2,1d' f
sed '3,$!d' f
sed -n '$p' f
sed -n '1p' f
sed -n '/foo/p' f
sed -n '/foo/,/last/p' f
sed -n '\,bar,p' f
sed -n '\%a.b%p' p
sed -n '/FOO/Ip' f
sed -n '2{p;p}' f
sed -n '/foo/{s/foo/F/;p}' f
sed '/foo/{/again/d}' f
sed -n '2,4{/baz/!p}' f
sed '1!G;h;$!d' f
sed -n '1!G;h;$p' f
sed '$!N;s/\n/ /' f
sed 'N;P;D' f
sed '$!N;P;D' f
sed 'n;d' f
sed -n 'n;p' f
sed 'N;N;s/\n/+/g' f
sed = f
sed -n '$=' f
sed '2q' f
sed '2q5' f; echo $?
sed '2Q' f
sed '3Q7' f; echo $?
sed -n '2{p;q}' f
sed 'a appended' g
sed '2a\
line one\
line two' g
sed 'a\  kept' g
sed '$a end' g
sed '1i begin' g
sed '2i\
inserted' g
sed '2c changed' g
sed '1,2c\
both' g
sed '/t/c T' g
sed '2!c X' g
sed 'y/abc/xyz/' f
sed 'y/o\n/0_/' g
sed '$!N;y/\n/ /' g
sed -n 'h;n;G;p' f
sed 'x;$!d' f
sed -n 'H;${x;s/\n/,/g;p}' f
sed -n '/two/{g;p}' g
sed 'G' g
sed -n 'l' f
sed -n '$!{h;d};x;G;p' g
sed ':a;N;$!ba;s/\n/,/g' f
sed -e :a -e '$!N;s/\n//;ta' g
sed 's/o/O/;t;s/$/ (no o)/' f
sed 's/o/O/;T;s/$/ (had o)/' f
sed 'b end;s/a/A/;:end' f
sed -n '/foo/{:l;n;p;bl}' f
sed 'r g' nn
sed '2r g' g
sed '$r nope' g
sed -n 'w out' f; cat out
sed '/foo/w out' f; cat out
sed -e 's/a/A/' -e 's/o/O/' f
sed -e 1d -e 3d f
sed -n -e '2{' -e p -e '}' f
sed -e 'a\' -e 'text' g
%setup printf 's/o/0/g\n/baz/d\n# a comment\n$a\\\nthe end\n' > script
sed -f script f
sed -f script -e '1d' f
sed -n -f script f
printf '#n\n/foo/p\n' > s2; sed -f s2 f
sed p nn
sed 's/line/L/' nn
sed '$a tail' nn
sed -n p nn
sed '' f nn g
sed -n '$p' f g
sed -s -n '$p' f g
sed -s '1d' f g
sed = f g
sed -n '/one/,/bar/p' g f
sed '' nope f; echo $?
sed '' nope; echo $?
sed 1d - < f
sed 2d f - < g
sed 's/a/b/' < f
printf 'a\0b\0' | sed -z 's/^./X/' | od -c
@tree sed -i 's/foo/FOO/' f
@tree sed -i.bak 's/foo/FOO/' f
@tree sed -i -e '1d' f g
@tree sed -i '$a added' nn
@tree sed -n -i 'p;p' g
@tree sed -i.orig -s '1d' f g
@tree sed --in-place=.b '2d' g
@status sed
@status sed 's/a/b'
@status sed 's/a/b/q'
@status sed 'k'
@status sed '/abc'
@status sed 'y/ab/x/'
@status sed 'b nolabel'
@status sed '{p'
@status sed 'p}'
@status sed 's/\(a\)/\2/'
@status sed 's/a[/b/'
@status sed 0d f
sed --expression='s/o/0/' --quiet -e p f
sed --regexp-extended 's/(o)/[\1]/' f
sed '1d;$d' f
sed '2 , 3 ! d' f
sed -n '/^f/ p' f
sed -n '2,3 { p ; p }' f
sed 's/ /\t/' f
sed -E 's/(.)(.)(.)(.)(.)(.)(.)(.)(.)/\9\8\7\6\5\4\3\2\1/' f
sed 's/\(a\|o\)/_/g' f
sed -n '/a/,2p' f
sed -n '4,2p' f
sed -n '/foo/,/foo/p' f
sed '2,4{s/^/>/;2d}' f
sed -E 's/o{2,}/O/;s/l{2}/L/' f
sed 's/[.]/!/g' p
sed 's/^[^ ]* //' f
sed 's/\([^ ]*\) \(.*\)/\2 \1/' f
seq 10 | sed -n '3,+2p'
seq 10 | sed '0~3d'
seq 10 | sed -n '$!{$!p}' | sed -n '1p;$p'
seq 12 | sed -n '2~5p'
seq 5 | sed '3,1p' | sed -n '$='
seq 5 | sed -n '/2/,/[0-9]/p'
seq 20 | sed -n '/1/{/5/p}'
printf 'aaa bbb\n' | sed 's/a*/x/2'
printf 'abcabc\n' | sed 's/b/B/3'
printf 'abc\n' | sed 's/b*/X/2'
printf 'foo\n' | sed 's/o/&&/g'
printf 'hello\n' | sed 'y/lo/LO/'
printf 'one two three\n' | sed 's/ /\n/g' | sed -n '2p'
printf '%0100d\n' 0 | sed -n l
printf 'a\tb\001c\\d\n' | sed -n l
printf 'aaaaa\n' | sed 's/a/b/3g'
sed '/foo/s//FOO/g' f
sed -n '/o/{s//0/gp}' f
sed 's/o/0/;s//O/' f
sed -n '/hello/,/hello/p' f
sed '2,3!{s/^/#/}' f
sed -n '/foo/{/again/!{p}}' f
sed 'p # print twice' g
sed -n '1{p};2{p}' g
sed 'w /dev/stdout' g
sed -s = g g
sed '2{h;d};${G}' g
sed -e '1i\' -e 'first' -e '$a\' -e 'last' g
sed '1~3s/^/>/' f
sed '/two/,+5d' g
sed '2,/x/d' f
sed -n '$!{n;p}' f
sed 'N;N;N;N;N;N;s/\n/,/g' f
sed '$!d' f nn
sed -n '/baz/=' f
sed 's/[aeiou]/\U&/g' f
sed 's/\(^\|o\)/[\1]/g' g
sed -E 's/(^|o)/[\1]/g' g
sed -E 's/a{2}|o/_/g' f
sed 's/.\{3\}/&|/g' g
printf 'x\n\ny\n' | sed '/^$/d'
printf 'x\n\n\ny\n' | sed '/^$/N;/\n$/D'
printf 'a b c\n' | sed 's/ /\n/2;P;D'
printf 'a\nstart\nb\nc\nend\nd\n' | sed -n '/start/,/end/{//!p}'
printf 'a\na\nb\nb\nb\nc\na\n' | sed '$!N;/^\(.*\)\n\1$/!P;D'
sed -E 's/(\w+) (\w+)/\2 \1/' f
sed = g | sed 'N;s/\n/\t/'
sed -n '1~0p' f
sed 's/o/0/;ta;s/$/!/;:a' f
sed -n '/foo/{p;q}' f
printf 'x\n\ny\n' | sed '/^$/!{s/^/> /}'
sed 'y/abc/\n\n\n/' f
sed '$!{N};P;D' g
sed -n '/^f/{n;n;p}' f
sed '1d;n;d' f
sed 'G;G' g
sed -n 'x;p' f
sed '1{x;s/^/hdr/;x};$G' g
printf 'one\n' | sed 's/one/a\tb/'
printf 'path/to/file\n' | sed 's#/#\\#g'
printf 'CamelCaseWord\n' | sed 's/\([A-Z]\)/_\l\1/g'
printf 'x\n' | sed 's/x/\x41/'
# GNU's range rules: a numeric start is taken at any line past it, once; +N and ~N count from
# the line that started the range; A,+0 is A alone
seq 8 | sed '1{N;N};2,4d'
seq 8 | sed '1{N;N};2,+1d'
seq 8 | sed '1{N;N};2,/6/d'
seq 8 | sed '1{N;N};2,1d'
seq 8 | sed '1{N;N};2d'
seq 10 | sed -n '4,~4p'
seq 10 | sed -n '2,~0p'
seq 10 | sed -n '2,+0p'
seq 10 | sed -n '/[27]/,+1p'
seq 10 | sed -n '/[27]/,~4p'
seq 10 | sed -n '$!N;2,3p'
seq 12 | sed -n '/1/,3p'
# the hold space's newline state travels with it; q ends an unterminated last line
printf 'a\nb' | sed G
printf 'a\nb' | sed 'x;$G'
printf 'a\nb' | sed '1h;$g'
printf 'a\nb' | sed 'H;$x'
printf 'a' | sed q
printf 'a' | sed -n '$p;q'
printf 'a' | sed -n 'p;Q'
printf 'a\nb' | sed 'n;q'
printf 'a\nb\nc' | sed '$!N;P;D'
printf 'a\nb\n' | sed -z '=' | od -c
# t sees substitutions since the last line was read, across D's restart
printf 'ab\ncd\n' | sed -n '$!N;s/a/A/;P;D;t'
printf 'x1\nx2\nx3\n' | sed -n 's/x/y/;N;tl;p;b;:l;s/^/T:/p'
printf 'a\nb\n' | sed '$!{N;D};a END'
@status sed --help
