# free against procps-ng's (4.0): the layout, with the figures squeezed to one digit where
# they move between the two runs, exact where they cannot (units too big to change).
free --tebi
free --tera -t
free --pebi -w
free | tr -s 0-9 9
free -k | tr -s 0-9 9
free -b | tr -s 0-9 9
free -m | tr -s 0-9 9
free -g | tr -s 0-9 9
free -h | tr -s 0-9. 9
free --si -h | tr -s 0-9. 9
free --mega -t | tr -s 0-9 9
free -w | tr -s 0-9 9
free -t -h | tr -s 0-9. 9
free -b | head -1
free -c 2 -s 0.1 | tr -s 0-9 9
free --total --wide --kibi | tr -s 0-9 9
@status free -x
@status free extra
@status free -c 0
