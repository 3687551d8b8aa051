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
# -h: a link's own times (GNU's -r with -h reads the link's too); a missing file is an error
%reset
%setup touch -d '2020-01-02 03:04:05' f; ln -s f l; ln -s nowhere dang; touch -d '2011-11-11' g
touch -h -d @7 l && stat -c '%Y %n' l f
touch -h -d '2019-01-01' dang && stat -c '%Y' dang
touch -h -d @5 l; touch -h -r l g && stat -c %Y g
touch -h -m -d @9 l && stat -c '%Y %X' l | cut -d' ' -f1
@tree touch -h nope; echo $?
@tree touch -h -c nope; echo $?
