# umount against util-linux's.
mkdir m; mount -t tmpfs t1 m; umount m; echo $?; mount | grep -c t1
mkdir m; mount -t tmpfs t2 m; umount -l m; echo $?; mount | grep -c t2
mkdir m; mount -t tmpfs t3 m; cd m; umount -l ../m; echo $?; cd ..; mount | grep -c t3
mkdir m; mount -t tmpfs t4 m; umount -f m; echo $?
@status mkdir m; mount -t tmpfs t5 m; cd m; umount ../m; st=$?; cd ..; umount m; exit $st
@status umount /nonexistent
@status umount
@status mkdir m; umount m
