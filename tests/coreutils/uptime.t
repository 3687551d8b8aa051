# uptime against procps-ng's, with the figures squeezed (the clock moves between the runs).
# -p drops the minutes when they are 0: a run just before a full hour and one just after
# answer "up 9 hours, 9 minutes" and "up 9 hours", so the minutes are cut from both.
# No utmp is kept: we say "0 users" where procps 4.0.2 says "0 user".
uptime | tr -s 0-9 9 | sed 's/ users*,/ U,/'
uptime -p | tr -s 0-9 9 | sed 's/, 9 minutes*$//'
uptime --pretty | tr -s 0-9 9 | sed 's/, 9 minutes*$//'
uptime -s | cut -c1-13
uptime --since | tr -s 0-9 9
@status uptime -x
@status uptime extra
