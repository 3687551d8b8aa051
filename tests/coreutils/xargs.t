%setup printf 'a b c\nd e\n\nf\n' > in; printf 'one\0two words\0three\0' > nul; printf "'quoted word' \"double q\" back\\\\ slash\n" > q; printf 'x\n y z \n' > lines
xargs < in
xargs echo < in
xargs -n 2 < in
xargs -n 1 echo item < in
xargs -L 1 < in
xargs -L 2 echo < in
xargs -I {} echo 'line: {}' < in
xargs -I X echo X-X < lines
xargs -0 < nul
xargs -0 -n 1 < nul
xargs < q
xargs -n1 < q
xargs < /dev/null
xargs -r echo nothing < /dev/null
xargs echo always < /dev/null
xargs -E d < in
xargs -t echo < in 2>/dev/null
xargs -s 10 < in
xargs sh -c 'exit 1' < in; echo $?
xargs sh -c 'exit 255' < in; echo $?
xargs nonexistent-cmd < in; echo $?
xargs -n 2 sh -c 'echo "$#: $*"' sh < in
printf 'unterminated "quote\n' | xargs >/dev/null; echo $?
xargs -I{} sh -c 'echo [{}]' < lines
