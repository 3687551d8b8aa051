%setup seq 1 30 > n; printf 'a\nb\nc' > short; printf '' > empty
tail n
tail -n 3 n
tail -n 0 n
tail -n +25 n
tail -n +1 short
tail -c 5 n
tail -c +50 n
tail -c 100 short
tail -n 2 short
tail -n 2 < n
tail empty
tail -n3 n
tail -c +0 short
tail -n +0 short
tail -n -2 n
@status tail nope
@status tail -n x n
tail -3 n
tail +28 n
