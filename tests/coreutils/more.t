# more when its output is not a terminal: it copies (with util-linux's headers between
# several files).
%setup seq 1 300 > f; printf 'a\tb\n' > c; printf 'no newline' > n
more f
seq 1 5 | more
more f c n
more n
more c c
