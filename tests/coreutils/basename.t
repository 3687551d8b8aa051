basename /usr/lib/libc.a
basename /usr/lib/libc.a .a
basename libc.a libc.a
basename /usr/
basename /
basename //
basename ''
basename a/b//
basename -- -x
basename foo.c .c
basename a
@status basename
@status basename a b c
