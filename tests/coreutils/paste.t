%setup printf '1\n2\n3\n' > a; printf 'x\ny\n' > b; printf 'p\nq\nr\ns\n' > c
paste a b
paste a b c
paste -d, a b
paste -d ',;' a b c
paste -s a b
paste -s -d, a c
paste - - < c
paste a - < b
paste -d '\n' a b
paste -d '\0' a b
paste -s -d '\t\n' c
@status paste nope
paste a
