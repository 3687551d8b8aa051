#### single quotes keep everything
echo 'a $b `c` \d "e"'
#### double quotes expand but keep blanks
x='1   2'; echo "$x" "\$x" "\\" "\`" "a\b"
#### backslash outside quotes
echo \a\ b \$x \\ \'
#### backslash newline joins
echo ab\
cd
#### quotes inside words concatenate
echo a'b'"c"d
#### empty quoted argument survives
set -- "" a ''; echo $#
#### dollar single quote is literal in dq
echo "'$HOME'" | sed "s|$HOME|H|"
#### quoted reserved word is not reserved
'if' 2>/dev/null; echo $?
#### nested quotes in command substitution
echo "$(echo "inner \"q\"")"
#### backquote escapes
echo `echo \$HOME | sed 's|.*|x|'` `echo a\\b`
#### tilde expansion
HOME=/h; echo ~ ~/x "~" a~ x=~
#### tilde in assignment after colon
HOME=/h; p=~/a:~/b; echo $p
#### comments
echo a # b c
echo d#e
#### dollar at end and lone dollar
echo $ a$ "$"
