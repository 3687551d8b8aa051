# df against GNU df on this host. Other programs write to the same file systems meanwhile, so
# only what stays put is compared: headers, names, totals, types, mount points, and lines of
# file systems nobody writes to (proc, an empty /dev/shm).
df . | head -1
df -k . | head -1
df -h . | head -1
df -T . | head -1
df -i . | head -1
df -hT . | head -1
df . | awk 'NR > 1 { print $1, $2, $6 }'
df -h . | awk 'NR > 1 { print $1, $2, $6 }'
df -T . | awk 'NR > 1 { print $1, $2, $3, $7 }'
df -i . | awk 'NR > 1 { print $1, $2, $6 }'
df -hi . | awk 'NR > 1 { print $1, $2, $6 }'
df / . | awk 'NR > 1 { print $1, $2, $6 }'
df /proc
df -T /proc
df -h /proc
df -i /proc
df /proc/self/status
df -T /sys | awk '{ print $1, $2, $NF }'
df /dev/shm | awk '{ print $1, $2, $6 }'
df -a | awk '$1 == "proc" { print $2, $3, $4, $5, $6 }'
df | awk '{ print $NF }' | grep -c '^/proc$'
df -a | awk '{ print $NF }' | grep -c '^/proc$'
df nope; echo $?
@err df nope
df . nope | awk 'NR > 1 { print $1 }'; echo $?
@status df -q
@status df --help
