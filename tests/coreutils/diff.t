# diff against GNU diff: the normal, unified and context formats, hunks chosen as GNU chooses
# them, -r over directories, -q, -N, statuses. Files get fixed times so -u headers compare.
%setup printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n' > a; printf '1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n' > b; printf 'a\nb\nc\na\nb\nb\na\n' > x; printf 'c\nb\na\nb\na\nc\n' > y
%setup printf 'x\ny' > nn1; printf 'x\nz' > nn2; printf 'x\ny\n' > nl; : > empty; printf 'a\0b' > bin1; printf 'a\0c' > bin2
%setup touch -d '2021-02-03 04:05:06' a b x y nn1 nn2 nl empty
diff a b
diff b a
diff a a
diff x y
diff y x
diff -u a b
diff -u b a
diff -u x y
diff -U 0 a b
diff -U 1 x y
diff -U1 a b
diff -U 5 x y
diff -c a b
diff -c x y
diff -C 1 x y
diff -q a b
diff -q a a
diff --brief x y
diff -s a a
diff -s a b
diff empty a
diff a empty
diff -u empty a
diff -u a empty
diff -c empty x
diff nn1 nn2
diff -u nn1 nn2
diff nn1 nl
diff -u nl nn1
diff -c nn1 nn2
diff bin1 bin2
diff bin1 bin1
diff -a bin1 bin2 | od -c
diff -q bin1 bin2
diff - a < b
diff a - < b
diff -u --label old --label new a b
diff --label L1 --label L2 -u x y
diff nope a; echo $?
@err diff nope a
diff a nope; echo $?
printf 'A\nb\n' > i1; printf 'a\nB\n' > i2; diff -i i1 i2; echo $?
printf 'a  b\nc\n' > w1; printf 'a b\nc \n' > w2; diff -b w1 w2; echo $?
printf 'a  b\nc\n' > w1; printf 'ab\n c\n' > w2; diff -w w1 w2; echo $?
printf 'a  b\nc\n' > w1; printf 'ab\n c\n' > w2; diff -b w1 w2
printf 'a\n\nb\n' > b1; printf 'a\nb\n\n' > b2; diff -B b1 b2; echo $?
@status diff
@status diff a
@status diff a b c
@status diff -U x a b
seq 1 100 > s1; seq 1 100 | sed '50d;70s/0/X/' > s2; diff s1 s2
seq 1 100 > s1; seq 1 100 | sed '50d;70s/0/X/' > s2; diff -u --label s1 --label s2 s1 s2
seq 1 100 > s1; seq 1 100 | sed '10,12d;53a new' > s2; diff -U 2 --label s1 --label s2 s1 s2
seq 1 100 > s1; seq 1 100 | sed '10,12d;18a new' > s2; diff -U 2 --label s1 --label s2 s1 s2
seq 1 100 > s1; seq 1 100 | sed '10,12d;18a new' > s2; diff -U 3 --label s1 --label s2 s1 s2
seq 1 100 > s1; seq 100 -1 1 > s2; diff s1 s2 | head -20
seq 1 30 > s1; seq 1 2 30 > s2; diff s1 s2
seq 1 30 > s1; seq 1 2 30 > s2; diff -c --label A --label B s1 s2
printf 'a\na\na\nb\n' > r1; printf 'a\na\nb\n' > r2; diff r1 r2
printf 'a\na\nb\n' > r1; printf 'a\na\na\nb\n' > r2; diff -u --label 1 --label 2 r1 r2
printf 'x\na\nb\na\nb\ny\n' > r1; printf 'x\na\nb\ny\n' > r2; diff r1 r2
printf '{\n  a;\n}\n{\n  b;\n}\n' > r1; printf '{\n  a;\n}\n{\n  c;\n}\n{\n  b;\n}\n' > r2; diff r1 r2
printf '{\n  a;\n}\n' > r1; printf '{\n  a;\n}\n{\n  a;\n}\n' > r2; diff -u --label 1 --label 2 r1 r2
printf 'a\nb\nc\nd\ne\n' > r1; printf 'e\nd\nc\nb\na\n' > r2; diff r1 r2
printf 'a\nb\nc\nd\ne\n' > r1; printf 'b\nc\nd\ne\nf\n' > r2; diff -u --label 1 --label 2 r1 r2
printf 'same\n' > r1; printf 'same' > r2; diff r1 r2; echo $?
printf 'same\n' > r1; printf 'same' > r2; diff -u --label 1 --label 2 r1 r2
%reset
%setup mkdir -p d1/sub d2/sub d1/only1 d2/deep/er; printf '1\n2\n3\n' > d1/f; printf '1\nx\n3\n' > d2/f; echo s > d1/sub/s; echo t > d2/sub/s; echo same > d1/same; echo same > d2/same; echo q > d2/newf; echo w > d2/deep/er/w; echo f > d1/kind; mkdir d2/kind; printf 'a\0' > d1/bin; printf 'b\0' > d2/bin
%setup touch -d '2022-01-01 00:00:00' d1/f d2/f d1/sub/s d2/sub/s d2/newf d2/deep/er/w d1/same d2/same
diff d1 d2
diff -r d1 d2
diff -ru d1 d2
diff -r -u d1 d2
diff -rq d1 d2
diff -rN d1 d2
diff -ruN d1 d2
diff -rc d1 d2
diff -rs d1 d2
diff -r d1 d1
diff d1/sub d2/sub
diff -r d1/sub d2/sub; echo $?
diff d1 d2/f
diff d1/f d2
diff -u d1/f d2
diff -r d1 nope; echo $?
diff -r d1/same d2/same; echo $?
# large and very different: GNU's too_expensive cut-off decides the split, and ours must too
seq 1 20000 > l1; seq 1 20000 | awk '{ print ($1 * 7919) % 20000 }' > l2; diff l1 l2 | md5sum
seq 1 20000 > l1; seq 1 20000 | awk '{ print ($1 * 7919) % 20000 }' > l2; diff -u --label a --label b l1 l2 | md5sum
seq 1 3000 > l1; seq 1 3000 | awk '{ print ($1 * 31) % 3000 }' > l2; diff --minimal l1 l2 | md5sum
seq 1 3000 > l1; seq 1 3000 | awk '{ print ($1 * 31) % 3000 }' > l2; diff -d l1 l2 | wc -l
@status diff --help
