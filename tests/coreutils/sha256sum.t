%setup printf 'abc' > a; printf '' > e; head -c 100000 /dev/zero > z; printf 'x%.0s' $(seq 1 55) > b55; printf 'x%.0s' $(seq 1 56) > b56; printf 'x%.0s' $(seq 1 64) > b64
sha256sum a
sha256sum e z
sha256sum b55 b56 b64
sha256sum < a
sha256sum - < z
%setup sha256sum a e z > list; sha256sum a > good; printf '0000000000000000000000000000000000000000000000000000000000000000  a\n' > badlist
sha256sum -c list
sha256sum -c good
sha256sum -c badlist; echo $?
sha256sum -c --quiet list
sha256sum -c --status badlist; echo $?
@status sha256sum nope
sha256sum a nope; echo $?
sha256sum -c a; echo $?
