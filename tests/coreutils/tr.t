%setup printf 'Hello, World!\naaa  bbb   ccc\n123 abc\n' > in
tr a-z A-Z < in
tr '[:lower:]' '[:upper:]' < in
tr -d aeiou < in
tr -d '[:digit:]' < in
tr -s ' ' < in
tr -s a-z < in
tr -c 'a-z\n' X < in
tr -cd 'a-z\n' < in
tr abc x < in
tr abc xyz < in
tr -s ' ' '\n' < in
tr -ds ' ' a < in
tr '\n' ';' < in
tr 'a-c' '[x*]' < in
tr 'a-f' '[x*2]yz' < in
tr '[:space:]' '_' < in
tr -d '\012' < in
tr '[=a=]' A < in
@status tr
@status tr a
@status tr -d a b c
@status tr z-a x < in
tr -C 'a-z\n' _ < in
