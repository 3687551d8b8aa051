# less when its output is not a terminal: it copies, as the host's less does.
%setup seq 1 300 > f; printf 'a\tb\n\033x\n' > c; printf 'no newline' > n
less f
seq 1 5 | less
less f c n
less - < f
less n
