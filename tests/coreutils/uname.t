uname
uname -s
uname -n
uname -r
uname -m
uname -sr
uname -a
uname -o
uname -snrvm
@status uname -z
@status uname x
