%setup touch -d '2020-01-02 03:04:05' old; touch -d '2011-11-11 11:11:11' ref
@tree touch new
@tree touch -c nothere
@tree touch -d '2001-02-03 04:05:06' new && stat -c '%Y %X' new
touch -d '2001-02-03T04:05:06' f && stat -c '%Y %X' f
touch -d '2001-02-03' f && stat -c '%Y %X' f
touch -d '@1000000000' f && stat -c '%Y %X' f
touch -t 200102030405 f && stat -c '%Y %X' f
touch -t 200102030405.09 f && stat -c '%Y %X' f
touch -t 7001010000 f && stat -c '%Y %X' f
touch -t 01010000 f && stat -c '%Y' f | cut -c1-3
touch -r ref f && stat -c '%Y %X' f
touch -m -d @5 old && stat -c '%Y %X' old
touch -a -d @5 old && stat -c '%Y %X' old
touch -m -r ref old && stat -c '%Y %X' old
touch -d '2020-01-02 03:04:05.5' f && stat -c '%Y %y' f
@status touch -d garbage f
@status touch -t 1 f
@status touch -r nope f
@status touch
@status touch nodir/f
