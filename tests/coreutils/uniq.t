%setup printf 'a\na\nb\nc\nc\nc\na\n' > f; printf 'x 1\ny 1\nz 2\n' > g; printf 'A\na\nB\n' > h
uniq f
uniq -c f
uniq -d f
uniq -u f
uniq -cd f
uniq -f 1 g
uniq -s 2 g
uniq -i h
uniq -c h
uniq < f
@tree uniq f out
uniq - < f
uniq -du f
@status uniq nope
@status uniq a b c
uniq /dev/null
