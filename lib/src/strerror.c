/* strerror: the text for an errno value, in glibc's (Linux's) words. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *const error_texts[] = {
    [0]            = "Success",
    [EPERM]        = "Operation not permitted",
    [ENOENT]       = "No such file or directory",
    [ESRCH]        = "No such process",
    [EINTR]        = "Interrupted system call",
    [EIO]          = "Input/output error",
    [ENXIO]        = "No such device or address",
    [E2BIG]        = "Argument list too long",
    [ENOEXEC]      = "Exec format error",
    [EBADF]        = "Bad file descriptor",
    [ECHILD]       = "No child processes",
    [EAGAIN]       = "Resource temporarily unavailable",
    [ENOMEM]       = "Cannot allocate memory",
    [EACCES]       = "Permission denied",
    [EFAULT]       = "Bad address",
    [ENOTBLK]      = "Block device required",
    [EBUSY]        = "Device or resource busy",
    [EEXIST]       = "File exists",
    [EXDEV]        = "Invalid cross-device link",
    [ENODEV]       = "No such device",
    [ENOTDIR]      = "Not a directory",
    [EISDIR]       = "Is a directory",
    [EINVAL]       = "Invalid argument",
    [ENFILE]       = "Too many open files in system",
    [EMFILE]       = "Too many open files",
    [ENOTTY]       = "Inappropriate ioctl for device",
    [ETXTBSY]      = "Text file busy",
    [EFBIG]        = "File too large",
    [ENOSPC]       = "No space left on device",
    [ESPIPE]       = "Illegal seek",
    [EROFS]        = "Read-only file system",
    [EMLINK]       = "Too many links",
    [EPIPE]        = "Broken pipe",
    [EDOM]         = "Numerical argument out of domain",
    [ERANGE]       = "Numerical result out of range",
    [EDEADLK]      = "Resource deadlock avoided",
    [ENAMETOOLONG] = "File name too long",
    [ENOLCK]       = "No locks available",
    [ENOSYS]       = "Function not implemented",
    [ENOTEMPTY]    = "Directory not empty",
    [ELOOP]        = "Too many levels of symbolic links",
    [ENOMSG]       = "No message of desired type",
    [EIDRM]        = "Identifier removed",
    [ENOSTR]       = "Device not a stream",
    [ENODATA]      = "No data available",
    [ETIME]        = "Timer expired",
    [EOVERFLOW]    = "Value too large for defined data type",
    [EBADFD]       = "File descriptor in bad state",
    [ENOTSUP]      = "Operation not supported",
    [ENOTSOCK]        = "Socket operation on non-socket",
    [EDESTADDRREQ]    = "Destination address required",
    [EMSGSIZE]        = "Message too long",
    [EPROTOTYPE]      = "Protocol wrong type for socket",
    [ENOPROTOOPT]     = "Protocol not available",
    [EPROTONOSUPPORT] = "Protocol not supported",
    [ESOCKTNOSUPPORT] = "Socket type not supported",
    [EAFNOSUPPORT]    = "Address family not supported by protocol",
    [EADDRINUSE]      = "Address already in use",
    [EADDRNOTAVAIL]   = "Cannot assign requested address",
    [ECONNABORTED]    = "Software caused connection abort",
    [ECONNRESET]      = "Connection reset by peer",
    [ENOBUFS]         = "No buffer space available",
    [EISCONN]         = "Transport endpoint is already connected",
    [ENOTCONN]        = "Transport endpoint is not connected",
    [ETIMEDOUT]    = "Connection timed out",
    [ECONNREFUSED]    = "Connection refused",
    [EALREADY]        = "Operation already in progress",
    [EINPROGRESS]     = "Operation now in progress",
};

#define NTEXTS (int)(sizeof error_texts / sizeof error_texts[0])

char *
strerror(int errnum)
{
    static char unknown[32];

    if (errnum >= 0 && errnum < NTEXTS && error_texts[errnum] != NULL)
        return (char *)error_texts[errnum];
    snprintf(unknown, sizeof unknown, "Unknown error %d", errnum);
    return unknown;
}

/* The symbolic name of an errno value ("EINTR"), as glibc's
 * strerrorname_np; NULL for a value with no name. */
#define N(e) [e] = #e
static const char *const error_names[] = {
    N(EPERM), N(ENOENT), N(ESRCH), N(EINTR), N(EIO), N(ENXIO), N(E2BIG),
    N(ENOEXEC), N(EBADF), N(ECHILD), N(EAGAIN), N(ENOMEM), N(EACCES),
    N(EFAULT), N(ENOTBLK), N(EBUSY), N(EEXIST), N(EXDEV), N(ENODEV),
    N(ENOTDIR), N(EISDIR), N(EINVAL), N(ENFILE), N(EMFILE), N(ENOTTY),
    N(ETXTBSY), N(EFBIG), N(ENOSPC), N(ESPIPE), N(EROFS), N(EMLINK), N(EPIPE),
    N(EDOM), N(ERANGE), N(EDEADLK), N(ENAMETOOLONG), N(ENOLCK), N(ENOSYS),
    N(ENOTEMPTY), N(ELOOP), N(ENOMSG), N(EIDRM), N(ENOSTR), N(ENODATA),
    N(ETIME), N(EOVERFLOW), N(EBADFD), N(ENOTSUP), N(ETIMEDOUT),
};
#undef N

const char *
strerrorname_np(int errnum)
{
    int n = (int)(sizeof error_names / sizeof error_names[0]);
    return errnum > 0 && errnum < n ? error_names[errnum] : NULL;
}
