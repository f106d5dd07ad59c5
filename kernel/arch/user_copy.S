/*
 * int user_copy(void *dst, const void *src, size_t n)
 *
 * memcpy for user memory that was checked before the system call slept.
 * While a process sleeps, another one may take pages from under its
 * checked buffer (truncating a file it has mapped MAP_SHARED), so the
 * kernel's later copy can fault.  The page-fault handler first tries to
 * bring the page back (vm_handle_fault); when it cannot, and the fault is
 * inside this routine, it resumes at user_copy_fault instead of
 * panicking (trap.c, kernel_user_fault), and the copy returns -EFAULT:
 * Linux's exception table, with a single entry.  Returns 0 when all n
 * bytes were copied.
 *
 * Eight words a turn, like the kernel's memcpy (kernel/lib/string.c) and
 * for the same reason: under QEMU's TCG this beats `rep movsl` by far.
 * The fixup relies on nothing being pushed between the prologue and the
 * copy loop: at any fault in it %esp is where the prologue left it.
 */
#define EFAULT 14

.globl user_copy, user_copy_end, user_copy_fault
user_copy:
    pushl %ebp
    pushl %ebx
    pushl %esi
    pushl %edi
    movl 20(%esp), %edi         /* dst */
    movl 24(%esp), %esi         /* src */
    movl 28(%esp), %ecx         /* n */
    cmpl $32, %ecx
    jb 2f
1:  movl (%esi), %eax
    movl 4(%esi), %ebx
    movl 8(%esi), %edx
    movl 12(%esi), %ebp
    movl %eax, (%edi)
    movl %ebx, 4(%edi)
    movl %edx, 8(%edi)
    movl %ebp, 12(%edi)
    movl 16(%esi), %eax
    movl 20(%esi), %ebx
    movl 24(%esi), %edx
    movl 28(%esi), %ebp
    movl %eax, 16(%edi)
    movl %ebx, 20(%edi)
    movl %edx, 24(%edi)
    movl %ebp, 28(%edi)
    addl $32, %esi
    addl $32, %edi
    subl $32, %ecx
    cmpl $32, %ecx
    jae 1b
2:  cmpl $4, %ecx               /* the last words */
    jb 3f
    movl (%esi), %eax
    movl %eax, (%edi)
    addl $4, %esi
    addl $4, %edi
    subl $4, %ecx
    jmp 2b
3:  testl %ecx, %ecx            /* and bytes */
    jz 4f
    movb (%esi), %al
    movb %al, (%edi)
    incl %esi
    incl %edi
    decl %ecx
    jmp 3b
4:  xorl %eax, %eax
5:  popl %edi
    popl %esi
    popl %ebx
    popl %ebp
    ret
user_copy_fault:                /* trap.c resumes here */
    movl $-EFAULT, %eax
    jmp 5b
user_copy_end:
