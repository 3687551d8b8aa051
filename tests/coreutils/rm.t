%setup mkdir -p d/e/f; touch f g d/x d/e/y; ln -s f l; mkdir empty
@tree rm f
@tree rm f g
@tree rm l
@tree @status rm d
@tree rm -r d
@tree rm -R d empty
@tree rm -rf d nope
@tree rm -f nope
@tree @status rm nope
@tree @status rm f nope g
@tree rm -f
@tree @status rm
@tree @status rm -r .
@tree @status rm -r d/..
@tree @status rm -rf ./
@tree rm -r empty
@tree sh -c 'yes | rm -i f g'
@tree sh -c 'yes n | rm -i f g'
%setup mkdir o; touch o/x
@tree sh -c 'printf "y\nn\ny\n" | rm -ri o'
@tree sh -c 'printf "y\ny\ny\n" | rm -ri o'
@tree sh -c 'yes | rm -ri d'
@tree rm -fi f < /dev/null
