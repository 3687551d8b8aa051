%setup printf 'a:b:c:d\none:two\nnodelim\n:x:\n' > f; printf 'abcdefgh\n12345\n' > c; printf 'a\tb\tc\n' > t
cut -d: -f1 f
cut -d: -f2 f
cut -d: -f2- f
cut -d: -f-2 f
cut -d: -f1,3 f
cut -d: -f3,1 f
cut -d: -s -f2 f
cut -d: -f5 f
cut -c1-3 c
cut -c2,4,6 c
cut -c5- c
cut -b-2 c
cut -f2 t
cut -f1-2 t
cut -c 1,2 c
cut -d: -f2 - < f
cut -n -b2 c
@status cut f
@status cut -f0 f
@status cut -f3-1 f
@status cut -d ab -f1 f
@status cut -f1 -c1 f
cut -d: -f1 nope f
