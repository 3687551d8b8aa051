# uptime against procps-ng's, with the figures squeezed (the clock moves between the runs).
# No utmp is kept: we say "0 users" where procps 4.0.2 says "0 user".
uptime | tr -s 0-9 9 | sed 's/ users*,/ U,/'
uptime -p | tr -s 0-9 9
uptime --pretty | tr -s 0-9 9
uptime -s | cut -c1-13
uptime --since | tr -s 0-9 9
@status uptime -x
@status uptime extra
