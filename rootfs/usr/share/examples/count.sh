#!/bin/sh
# count.sh -- a small script: run it with `sh /usr/share/examples/count.sh 5`
# or copy it, `chmod +x`, and run it by name.  Read it with `cat`.
n=${1:-3}                       # the first argument, 3 if none
if [ "$n" -lt 1 ]; then
    echo "usage: count.sh N (N >= 1)" >&2
    exit 2
fi
i=1
while [ $i -le $n ]; do
    echo "line $i of $n"
    i=$((i + 1))
done
for f in /bin/demo_*; do        # globbing: every demo program
    printf '%-20s %s bytes\n' "$f" "$(wc -c < $f)"
done | head -n 3
echo "today is $(date +%A), the shell's pid is $$"
sleep 1 &
echo "started sleep as $!"; wait; echo "and it is done"
