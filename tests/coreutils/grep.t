%setup printf 'apple pie\nBanana split\ncherry tart\napple\npineapple\n\nfoo_bar baz\nfoo bar\n' > f; printf 'one\ntwo apple\n' > g; mkdir -p d/e; echo 'apple in d' > d/a; echo 'nothing' > d/e/b; echo 'apple deep' > d/e/c; printf 'bin\0apple\n' > bin
grep apple f
grep -i banana f
grep -v apple f
grep -n apple f
grep -c apple f
grep -c apple f g
grep apple f g
grep -h apple f g
grep -H apple f
grep -l apple f g nope 2>/dev/null; echo $?
grep -L apple f g
grep -o apple f
grep -on 'p[a-z]*' f
grep -w apple f
grep -w foo f
grep -x apple f
grep -e apple -e cherry f
grep -E 'apple|cherry' f
grep 'apple\|cherry' f
grep -E '^(a|b)' f
grep -E 'p{2}' f
grep 'p\{2\}' f
grep '^$' f
grep -c '' f
grep -F 'a.p' f; echo $?
grep 'a.p' f
grep -F -x apple f
grep -F -i APPLE f
grep -F -w apple f
grep -F -o pp f
grep -E -o '[a-z]+' g
grep -q apple f; echo $?
grep -q zzz f; echo $?
grep zzz f; echo $?
@status grep apple nope
grep -s apple nope f; echo $?
grep -q apple nope f; echo $?
grep -r apple d | sort
grep -r apple . | sort
grep -rl apple d | sort
grep -rc apple d | sort
grep -rh apple d | sort
grep -R deep d
grep apple d; echo $?
grep apple bin
grep -c apple bin
grep -a apple bin | od -c | head -2
grep apple < f
grep -n '' g
printf 'apple\n' | grep -f - f
grep -vc apple f
grep -iw APPLE f
grep -E 'a(p+)le' f
grep '\(an\)\1' f
grep '[[:upper:]]' f
grep -E '[[:digit:]]+' f; echo $?
grep -ivn APPLE f
grep -o '' f; echo $?
grep -E 'x*' g
grep -x '' f | wc -l
@status grep
@status grep -E '('
@status grep 'a\{1'
grep -e '' -e zzz g
grep -ow 'apple' f
grep -m 1 apple f 2>/dev/null; echo done
