# ps against procps-ng's, on fields that do not move between the two runs: processes 1
# and 2 of the host (its init and kthreadd), and a sleep each case starts (once it has
# become sleep and sleeps: its comm and stat say so).
ps -o pid,ppid,pgid,sid,uid,user,comm,tty,nice,pri -p 1,2
ps -o pid,ppid,comm -p 1
ps -o pid,tname,time,ucmd -p 2
ps -o pid,args -p 2
ps -o args -p 1
ps -o stat,s -p 2
ps -o vsz,rss,%mem,nlwp,tpgid -p 2
ps -o pid,tty,tt,tname,cputime -p 2
ps -o user,euser,uname,uid,euid -p 1
ps -o pid= -o comm= -p 1
ps -o pid=,comm= -p 2
ps -o pid -o ppid=PARENT -p 1
ps -o pid,comm=The command name -p 2
ps -o pid:8,comm -p 1
ps -p 1 -p 2 -o pid,comm
ps -p "1 2" -o pid,comm
ps -q 1 -o pid
ps -f -p 2
TZ=UTC0 ps -o pid,stime -p 1,2
TZ=UTC-6 ps -o pid,stime -p 1,2
TZ=UTC-12 ps -o pid,stime -p 1,2
TZ=UTC-18 ps -o pid,stime -p 1,2
ps -ef | head -1
ps -f | head -1
ps | head -1
ps -e -o pid,comm | head -4
ps -A -o pid= | head -3
ps -u root -o pid,comm | head -3
ps -u 0 -o pid= | head -2
ps -o comm,stat,nice,pri -p 2,1
sleep 3 & p=$!; until grep -qx sleep /proc/$p/comm && grep -q ') S ' /proc/$p/stat; do sleep 0.05; done; ps -o comm=,stat=,nice=,pri= -p $p; kill $p
nice -n 5 sleep 3 & p=$!; until grep -qx sleep /proc/$p/comm && grep -q ') S ' /proc/$p/stat; do sleep 0.05; done; ps -o comm=,stat=,ni=,pri= -p $p; kill $p
sleep 3 & p=$!; until grep -qx sleep /proc/$p/comm && grep -q ') S ' /proc/$p/stat; do sleep 0.05; done; kill -STOP $p; sleep 0.1; ps -o s=,stat= -p $p; kill -9 $p
sleep 3 & p=$!; until grep -qx sleep /proc/$p/comm && grep -q ') S ' /proc/$p/stat; do sleep 0.05; done; test "$(ps -o ppid= -p $p)" -eq $$ && echo parent ok; kill $p
sleep 3 & p=$!; until grep -qx sleep /proc/$p/comm && grep -q ') S ' /proc/$p/stat; do sleep 0.05; done; ps -o pid= -p $p | grep -qx " *$p" && echo pid ok; kill $p
@status ps -p 99999999
ps -p 99999999 -o pid
@status ps -o nope
@status ps -p x
@status ps -u nosuchuser
