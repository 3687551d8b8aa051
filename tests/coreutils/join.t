# join against GNU join: pairings, unpaired lines, -o/-e, separators, fields, order checks.
%setup printf 'a 1\nb 2\nc 3\nd 4\n' > f1; printf 'a x\nb y\nd z\ne w\n' > f2; printf 'a 1 p\na 2 q\nb 3 r\n' > m1; printf 'a X\na Y\nc Z\n' > m2
%setup printf 'k1:v1:w1\nk2::w2\nk3:v3:\n' > c1; printf 'k1:A\nk3:C\nk4:D\n' > c2; printf '  a   1\n b 2\n' > sp1; printf 'a  A\nb\tB\n' > sp2
%setup printf 'x 1 a\ny 2 b\nz 3 c\n' > g1; printf '1 one\n2 two\n4 four\n' > g2; printf 'A 1\nb 2\nC 3\n' > u1; printf 'a x\nB y\nc z\n' > u2; printf 'b 1\na 2\n' > bad; : > e
join f1 f2
join f2 f1
join -a 1 f1 f2
join -a 2 f1 f2
join -a 1 -a 2 f1 f2
join -v 1 f1 f2
join -v 2 f1 f2
join -v 1 -v 2 f1 f2
join -o 1.2,2.2 f1 f2
join -o 0,2.2,1.2 f1 f2
join -o '1.1 2.2' f1 f2
join -a 1 -a 2 -o 0,1.2,2.2 -e NULL f1 f2
join -a 1 -a 2 -o 1.1,1.2,2.1,2.2 -e - f1 f2
join -a 1 -o 1.5,2.2 -e none f1 f2
join -a 1 -e none f1 f2
join m1 m2
join -a 1 -a 2 m1 m2
join -o 1.2,1.3,2.2 m1 m2
join -t : c1 c2
join -t : -a 1 c1 c2
join -t : -a 1 -a 2 -e EMPTY -o 0,1.2,1.3,2.2 c1 c2
join -t : -v 2 c1 c2
join -t : -o 1.3 c1 c2
join sp1 sp2
join -1 2 -2 1 g1 g2
join -1 2 -2 1 -a 1 g1 g2
join -1 2 -2 1 -o 1.1,2.2,0 g1 g2
join -j 1 f1 f2
join -1 3 -2 1 g1 g2
join -i u1 u2
join -i -a 1 -a 2 u1 u2
join u1 u2
join e f1
join f1 e
join -a 2 e f1
join - f2 < f1
join f1 - < f2
join --header m1 m2
join --header -a 1 f1 f2
printf 'a 1\0b 2\0' > z1; printf 'a x\0b y\0' > z2; join -z z1 z2 | od -c
join bad f1; echo $?
@err join bad f1
join --check-order bad f1; echo $?
@err join --check-order bad f1
join --nocheck-order bad f1; echo $?
join bad bad; echo $?
join f1 nope; echo $?
@err join f1 nope
@err join f1
@err join f1 f2 f1
@err join -a 3 f1 f2
@err join -1 0 f1 f2
@err join -o 3.1 f1 f2
@err join -t ab f1 f2
@status join -q f1 f2
seq 1 10 > s1; seq 2 2 20 > s2; join s1 s2
seq 1 10 | sed 's/$/ a/' > s1; seq 1 3 12 | sed 's/$/ b/' > s2; join -a1 -a2 -o auto -e X s1 s2 2>/dev/null; echo $?
@status join --help
