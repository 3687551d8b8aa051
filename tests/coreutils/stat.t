%setup echo hello > f; touch -d '2020-01-02 03:04:05' f; chmod 640 f; ln -s f l; mkdir d; touch e; mkfifo p
stat -c '%n %s %a %A %F %u %U %g %G %h' f
stat -c '%n %F %a' d e p
stat -c '%N' l
stat -L -c '%N %F' l
stat -c '%F %s' l
stat -c '%y|%Y|%x|%X' f
stat -c '%f %o %B' f
stat -c '%i' f | grep -c '^[0-9]'
stat -c 'literal %% and\ttab' f
stat f | head -2
stat f | sed -n 4,6p
stat l | head -2
stat d | sed -n 2p
stat -t f | cut -d' ' -f1-5
stat -c '%t %T' /dev/null
stat -c '%W' f | wc -c
@status stat nope
@status stat
stat -c %s f nope; echo $?
