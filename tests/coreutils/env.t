env -i
env -i A=1 B=2
env -i A=1 env
env -i PATH="$PATH" A=x sh -c 'echo $A'
env -u HOME -i X=1
env -i A=1 -- env
@status env -i nonexistent-command
@status env -i /dev/null
env false
env -i sh -c 'exit 3'
