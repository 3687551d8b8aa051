# mount against util-linux's: its listing of /proc/mounts, and mounts of our own (a tmpfs
# and a bind mount in the scratch directory, gone again at the end of each case).
mount
mount -t proc
mount -t tmpfs
mkdir m; mount -t tmpfs -o size=1m,nosuid,mode=0700 tmpx m; mount -t tmpfs | grep tmpx | sed 's| on .*/m type| on M type|'; umount m; mount | grep -c tmpx
mkdir m; mount -t tmpfs -o ro,noexec tmpy m; grep tmpy /proc/mounts | cut -d' ' -f3,4; touch m/x 2>/dev/null || echo read-only; umount m
mkdir m; mount -t tmpfs tmpz m; mount -o remount,ro m; grep tmpz /proc/mounts | cut -d' ' -f4; umount m
mkdir a b; echo hi > a/f; mount --bind a b; cat b/f; umount b; ls b
mkdir a b; echo hi > a/f; mount -B a b; cat b/f; umount b; ls b
@status mount -t tmpfs none
@status mount a b c
@status mount -t nosuchfs x /nonexistent
