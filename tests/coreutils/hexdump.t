# hexdump against util-linux's (Debian's bsdextrautils): -C, the default format, -b -c -d -o -x,
# -n -s -v, duplicate lines as '*'. GNU has no hexdump; busybox's -C output is the same.
%setup printf 'Hello, world!\n\000\001\177\200\377 abcdefghijklmnopqrstuvwxyz' > f; printf '\a\b\f\n\r\t\v\033 ~\200' > esc; head -c 100 /dev/zero > z; printf 'abc' > s3; : > e
%setup awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i }' > all
hexdump f
hexdump -C f
hexdump -b f
hexdump -c f
hexdump -d f
hexdump -o f
hexdump -x f
hexdump -C all
hexdump all
hexdump -c all
hexdump -b all
hexdump -d all
hexdump -o all
hexdump -x all
hexdump -C esc
hexdump -c esc
hexdump s3
hexdump -C s3
hexdump -b s3
hexdump -c s3
hexdump -d s3
hexdump -o s3
hexdump -x s3
hexdump e
hexdump -C e
hexdump z
hexdump -C z
hexdump -v -C z
hexdump -v z
hexdump -b -c f
hexdump -C -x f
hexdump -x -C f
hexdump -n 5 -C f
hexdump -s 2 -C f
hexdump -s 2 -n 5 -C f
hexdump -s 0x10 -n 20 f
hexdump -s 100 f
hexdump -n 0 f
hexdump -s 1 -C all | head -3
hexdump -C f s3 esc
hexdump -C s3 s3 s3 s3 s3 s3
hexdump -C < f
hexdump -C - < s3
cat f | hexdump -C -n 8
printf 'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb' | hexdump -C
seq 1000 | hexdump -C | tail -4
hexdump nope; echo $?
@err hexdump nope
hexdump -C nope s3; echo $?
@status hexdump -q f
@status hexdump --help
