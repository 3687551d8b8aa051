dirname /usr/lib/libc.a
dirname /usr/
dirname usr
dirname /
dirname a/b//
dirname a//b
dirname ''
dirname //a
dirname a b/c /d/e
@status dirname
