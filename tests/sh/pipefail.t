#### pipefail takes the last failing status
set -o pipefail; false | true; echo $?; true | (exit 3) | true; echo $?; (exit 2) | (exit 4) | true; echo $?
#### expect
1
3
4
#### pipefail off by default and with +o
false | true; echo $?; set -o pipefail; set +o pipefail; false | true; echo $?
#### expect
0
0
#### pipefail with set -e ends the shell
set -eo pipefail; echo start; false | true; echo never
#### expect
start
#### status 1
#### pipefail does not change a successful pipeline
set -o pipefail; true | true; echo $?; ! false | true; echo $?
#### expect
0
0
