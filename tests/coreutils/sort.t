%setup printf 'banana\napple\nCherry\n10\n9\n-1\napple\n\n  lead\n' > w; printf '3 c\n1 a\n2 b\n10 j\n' > n; printf 'b:2:x\na:10:y\nc:1:z\na:2:w\n' > t; printf '1K\n2M\n512\n1G\n3K\n' > h
sort w
sort -r w
sort -u w
sort -n w
sort -n n
sort -rn n
sort -k2 n
sort -t: -k2 t
sort -t: -k2n t
sort -t: -k2,2n -k1,1 t
sort -t: -k1,1 -s t
sort -t: -k1,1 -u t
sort -t: -k3 t
sort -h h
sort -rh h
sort -f w
sort -b w
sort -k1.2 w
sort -t: -k2.1,2.1 t
sort n t
sort -c n; echo $?
sort -C w; echo $?
sort -n -c n; echo $?
sort -o out w && cat out
sort -o w w && cat w
sort -d w
sort -n -u n
sort -k2r -t: t
sort < w
@status sort nope
@status sort -k0 w
@status sort -t ab w
sort /dev/null
