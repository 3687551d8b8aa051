# top -b against procps-ng's: the header lines' layout, the figures squeezed (they move).
top -b -n 1 | head -1 | tr -s 0-9 9 | sed 's/ users*,/ U,/'
top -b -n 1 | sed -n 2p | sed 's/ *[0-9][0-9]*/ N/g'
top -b -n 1 | grep '^MiB Mem' | tr -s 0-9. 9 | sed 's/ *$//'
top -b -n 1 | grep -c '^ *PID USER *PR *NI *VIRT *RES *SHR S *%CPU *%MEM *TIME+ COMMAND$'
top -b -n 1 | grep '^ *PID'
top -b -n 2 -d 0.2 | grep -c '^top - '
top -b -n 1 | grep -E -c '^ +1 +root +[0-9]+ +-?[0-9]+ '
@status top -b -n x
@status top -b extra
