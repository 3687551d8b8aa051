%setup seq 1 30 > n; printf 'a\nb\nc' > short; printf '' > empty
head n
head -n 3 n
head -n 0 n
head -c 5 n
head -n 100 short
head -c 100 short
head n short
head -q n short
head -v short
head -n 2 - < n
head empty
head -n2 n
head -c 0 n
head -n 3 < n
@status head nope
@status head -n x n
head -3 n
head -c2 n
