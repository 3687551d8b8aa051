exec printf 'hello\n'
exec printf '%s-%s\n' a b c d
exec printf '%d %i\n' 42 -7
exec printf '%5d|%-5d|%05d\n' 3 3 3
exec printf '%x %X %o\n' 255 255 8
exec printf '%u\n' 0x10 010
exec printf '%c%c\n' abc d
exec printf '%.2f %e %g\n' 3.14159 12345.678 0.0001
exec printf '%10s|%-10s|\n' right left
exec printf '%.3s\n' truncate
exec printf '%b\n' 'a\tb\\n' 'c\0101'
exec printf 'tab\there\n'
exec printf '\101\102\n'
exec printf '%%\n'
exec printf '%*d|%.*f\n' 5 1 2 3.14159
exec printf '%d\n' "'A"
exec printf '%s\n'
exec printf 'no args %d %s|\n'
exec printf '%b' 'stop\cnot'
exec printf 'x\cy'
@status exec printf '%d\n' abc
exec printf '%d\n' 12abc
exec printf '%d %d\n' 1
exec printf '%s\n' one two three
exec printf '%+d % d\n' 5 5
exec printf '%#x %#o\n' 255 8
@status exec printf
@status exec printf '%z\n'
