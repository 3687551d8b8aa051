%setup mkdir -p d/sub e; touch .hidden a bb ccc; echo 12345 > d/x; printf '%2000s' ' ' > big; chmod 755 ccc; ln -s a la; ln -s d ld; ln -s nowhere dang; mkfifo fifo
%setup touch -d '2020-01-02 03:04:05' a bb ccc big d/x .hidden fifo; touch -d '2021-06-01 00:00:00' d; touch -h -d '2019-01-01' la ld dang
ls
ls -1
ls -a
ls -A
ls d
ls d e a
ls -d d e
ls -R d
ls -R
ls -F
ls -AF
ls -r
ls -t
ls -S
ls -Sr
ls -tr a bb d/x
ls ld
ls -d ld
ls -F ld
ls -l a
ls -l a bb ccc big fifo
ls -ld d
ls -l d
ls -l la ld dang
ls -lF la ld
ls -lh big
ls -la d
ls -lS
ls -lt
ls -ln a
ls -lo a
ls -lg a
ls -lR d
ls -l /dev/null
ls -li a | sed 's/^ *[0-9]* //'
ls -i a | sed 's/^ *[0-9]* //'
ls -C
ls -x
ls -CF
COLUMNS=20 ls -C
COLUMNS=30 ls -x
COLUMNS=10 ls -C
ls -C d
ls -f d | sort
ls nope; echo $?
@status ls nope
@status ls a nope
ls -1 nope a 2>/dev/null
@status ls -z
ls -ld . ..
ls d/
ls -d d/
ls --color=never -F
%reset
%setup touch -d "@$(($(date +%s) - 3600))" recent; touch -d '2000-01-01' old; printf '%3000000s' x > huge; printf '%1536s' x > k15
ls -l recent old
ls -lh huge k15
ls -lh
ls -l --color=never
%reset
COLUMNS=80 ls -C /usr/bin
COLUMNS=132 ls -x /usr/include
COLUMNS=100 ls -CF /usr/lib
COLUMNS=60 ls -Ci /usr/include | sed 's/[0-9]//g'
ls -R /usr/include/linux | head -50
# colours: GNU adds a reset sequence before the first name, which the palette makes
# unnecessary; ours is compared with a file
%setup mkdir d; touch f x; chmod +x x; ln -s f l; ln -s nowhere dang
@expect ls-color.out ls --color=always
@expect ls-color-l.out ls -1 --color
