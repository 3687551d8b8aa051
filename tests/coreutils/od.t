# od against GNU od: every -t type and size, the traditional options, offsets, -j -N -w -v,
# duplicate lines as '*', several files.
%setup printf 'Hello, world!\n\000\001\177\200\377 abcdefghijklmnopqrstuvwxyz' > f; printf '\a\b\f\n\r\t\v\033 ~' > esc; head -c 100 /dev/zero > z; printf 'abc' > s3; : > e
%setup awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i }' > all
od f
od -c f
od -b f
od -x f
od -o f
od -d f
od -s f
od -i f
od -l f
od -a f
od -c esc
od -a esc
od -t c all
od -t a all
od -t x1 all
od -t o1 all
od -t u1 all
od -t d1 all
od -t x2 all
od -t o2 all
od -t u2 all
od -t d2 all
od -t x4 all
od -t o4 all
od -t u4 all
od -t d4 all
od -t x8 all
od -t o8 all
od -t u8 all
od -t d8 all
od -t x f
od -t d f
od -t o f
od -t u f
od -t xC f
od -t xS f
od -t dI f
od -t dL f
od -t x1z f
od -t x2z f
od -t x1 -t c f
od -t c -t x1 f
od -t x2 -t d4 f
od -t x1 -t o2 -t d4 -t a f
od -t u8 -t x8 all
od -t acx1 f
od -c -x f
od -A x f
od -A d f
od -A o f
od -A n f
od -A x -t x2 -t d4 f
od -A n -t x1 f
od -A d -c all
od -N 5 f
od -N 5 -c f
od -j 3 f
od -j 3 -N 7 -x f
od -j 0x10 -c f
od -j 1b -c all
od -j 1k z; echo $?
od -j 8 -N 0 f
od -N 16 -c f
od -N 17 -c f
od -N 1000 -c f
od -w8 -c f
od -w -x f
od -w4 -t x4 f
od -w5 -t x4 f
od -w3 -t x2 f
od -w1 -c s3
od -w32 -t x1 all
od z
od -c z
od -v z
od -v -c z | head -3
od -t x4 z
od -c e
od e
od -A n e
od s3
od -x s3
od -t x4 s3
od -t d8 s3
od -c f s3 esc
od -c s3 s3 s3
od -c - < s3
od -c s3 - < esc
cat f | od -c -N 8
od nope; echo $?
od f nope s3; echo $?
@status od -t y f
@status od -t x3 f
@status od -A q f
@status od -N x f
@status od -j -1 f
@err od -A q f
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | od -c
printf 'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb' | od -c
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | od -A n -c
seq 1000 | od -c | tail -5
seq 100 | od -A x -t x1z | head -5
od nope e; echo $?
@status od --help
