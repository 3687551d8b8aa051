# TZ=UTC and LC_ALL=C in every case; "now" changes between runs, so only fixed dates
date -d '2020-01-02 03:04:05'
date -d '2020-01-02 03:04:05' +%s
date -d @0
date -d @1234567890 '+%Y-%m-%d %H:%M:%S'
date -d '2001-02-03' '+%a %A %b %B %d %e %j %u %w'
date -d '2001-02-03 04:05:06' '+%H %I %M %S %p %y %C %D %T %R %F'
date -d '2020-12-31 23:59:59' '+%U %W %V %G %g'
date -d @5 '+%N'
date -d '2020-01-02 03:04:05.123456789' '+%N %3N'
date -d '2001-02-03' '+%-d %-m %_d %_m %05d'
date -d '2001-02-03' '+%^a %^B'
date -d '2001-02-03' '+%%literal%n%t|'
date -u -d @86400
date -d @86400 -u '+%Z %z'
date -d '2001-02-03 04:05:06' -I
date -d '2001-02-03 04:05:06' -Iseconds
date -d '2001-02-03 04:05:06' -Iminutes
date -d '2001-02-03 04:05:06' -R
date -d '2001-02-03T04:05:06Z' +%s
date -d '2001-02-03 04:05:06 UTC' +%s
%setup touch -d '2011-11-11 11:11:11' f
date -r f
date -r f +%s
@status date -d garbage
@status date -r nope
@status date +%Y +%m
date +%Y | wc -c
date -d now +%Y | wc -c
