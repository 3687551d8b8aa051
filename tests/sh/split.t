#### IFS whitespace
x='  a  b  '; set -- $x; echo $# "$1" "$2"
#### IFS non-whitespace
IFS=:; x='a::b:'; set -- $x; echo $#; for i; do echo "[$i]"; done
#### IFS mixed
IFS=' :'; x=' a : b :: c '; set -- $x; echo $#; for i; do echo "[$i]"; done
#### IFS leading non-whitespace
IFS=:; x=':a'; set -- $x; echo $# "[$1]" "[$2]"
#### empty IFS no splitting
IFS=; x='a b'; set -- $x; echo $#
#### unset IFS default
unset IFS; x='a	b
c'; set -- $x; echo $#
#### literal text not split
IFS=:; echo a:b
#### empty expansion removed
x=; set -- $x; echo $#; set -- "$x"; echo $#
#### split results of command substitution
set -- $(printf 'a b\nc'); echo $#
#### quoted command substitution not split
set -- "$(printf 'a b\nc')"; echo $#
#### arithmetic result split
IFS=1; set -- $((515)); echo $# "$1" "$2"
