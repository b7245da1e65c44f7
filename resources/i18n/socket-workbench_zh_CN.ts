<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddressTools</name>
    <message>
        <source>::ffff:%1 is the IPv4-mapped IPv6 form of %1 (RFC 4291): 80 zero bits, 16 one bits (ffff), then the 32-bit IPv4 address. A dual-stack socket (AF_INET6 with IPV6_V6ONLY off) reports an IPv4 client this way: accept() or recvfrom() gives ::ffff:%1 for a peer at %1, while on the wire it is plain IPv4.</source>
        <translation>::ffff:%1 是 %1 的 IPv4 映射 IPv6 形式（RFC 4291）：80 个 0 比特、16 个 1 比特（ffff），再接 32 位的 IPv4 地址。双栈套接字（AF_INET6 且关闭 IPV6_V6ONLY）就用这种形式报告 IPv4 客户端：对端地址为 %1 时，accept() 或 recvfrom() 给出的是 ::ffff:%1，而线路上传输的仍是普通 IPv4。</translation>
    </message>
    <message>
        <source>Empty: an IPv4 address is four numbers from 0 to 255 separated by dots, as in 127.0.0.1</source>
        <translation>为空：IPv4 地址是用点分隔的四个 0 到 255 之间的数，例如 127.0.0.1</translation>
    </message>
    <message>
        <source>Octet %1 (%2, at position %3) has a leading zero: inet_pton refuses it, because inet_aton would read a leading 0 as octal (010 is 8)</source>
        <translation>第 %1 段（%2，位置 %3）有前导零：inet_pton 拒绝这种写法，因为 inet_aton 会把前导 0 当作八进制（010 是 8）</translation>
    </message>
    <message>
        <source>Octet %1 (%2, at position %3) is out of range: an octet is one byte, 0 to 255</source>
        <translation>第 %1 段（%2，位置 %3）超出范围：每段是一个字节，取值 0 到 255</translation>
    </message>
    <message>
        <source>A &apos;.&apos; at position %1 follows the fourth octet: an IPv4 address has exactly four</source>
        <translation>位置 %1 的 &apos;.&apos; 出现在第四段之后：IPv4 地址正好有四段</translation>
    </message>
    <message>
        <source>Octet %1 is empty: the &apos;.&apos; at position %2 has no digits before it</source>
        <translation>第 %1 段为空：位置 %2 的 &apos;.&apos; 前面没有数字</translation>
    </message>
    <message>
        <source>Stray character %1 at position %2: inet_pton reads IPv4 as decimal digits and dots only</source>
        <translation>位置 %2 有非法字符 %1：inet_pton 读取 IPv4 时只接受十进制数字和点</translation>
    </message>
    <message>
        <source> (a &apos;:&apos; means IPv6: choose AF_INET6)</source>
        <translation> （&apos;:&apos; 表示 IPv6，请选择 AF_INET6）</translation>
    </message>
    <message>
        <source>The address ends with a &apos;.&apos; at position %1: octet %2 is missing</source>
        <translation>地址以位置 %1 的 &apos;.&apos; 结尾：缺少第 %2 段</translation>
    </message>
    <message>
        <source>Too few octets, %1 of 4: inet_pton needs all four, as in 127.0.0.1</source>
        <translation>段数太少，只有 %1 段（应为 4 段）：inet_pton 需要完整的四段，例如 127.0.0.1</translation>
    </message>
    <message>
        <source>Stray character %1 at position %2: an IPv6 address is groups of hex digits (0-9, a-f) separated by &apos;:&apos;, optionally ending in an IPv4 part as in ::ffff:127.0.0.1</source>
        <translation>位置 %2 有非法字符 %1：IPv6 地址由若干组十六进制数字（0-9、a-f）组成，组间用 &apos;:&apos; 分隔，末尾可以带一个 IPv4 部分，例如 ::ffff:127.0.0.1</translation>
    </message>
    <message>
        <source>. A zone such as %eth0 is not part of the address: inet_pton refuses it (getaddrinfo takes it and sets sin6_scope_id)</source>
        <translation>。像 %eth0 这样的区域（zone）不属于地址本身：inet_pton 不接受它（getaddrinfo 接受，并据此设置 sin6_scope_id）</translation>
    </message>
    <message>
        <source>. Write the address without brackets: they belong to URLs and host:port text</source>
        <translation>。请去掉方括号：方括号只用于 URL 和 host:port 形式的文本</translation>
    </message>
    <message>
        <source>Empty: an IPv6 address is up to eight groups of hex digits separated by &apos;:&apos;, as in ::1 or fe80::1</source>
        <translation>为空：IPv6 地址最多由八组十六进制数字组成，组间用 &apos;:&apos; 分隔，例如 ::1 或 fe80::1</translation>
    </message>
    <message>
        <source>The address starts with a single &apos;:&apos; at position 1: only &apos;::&apos; may start an address, as in ::1</source>
        <translation>地址在位置 1 以单个 &apos;:&apos; 开头：只有 &apos;::&apos; 可以出现在地址开头，例如 ::1</translation>
    </message>
    <message>
        <source>More than eight groups: group 9 starts at position %1, and an IPv6 address is 128 bits, eight groups of 16</source>
        <translation>超过八组：第 9 组从位置 %1 开始，而 IPv6 地址共 128 位，即八组、每组 16 位</translation>
    </message>
    <message>
        <source>Group %1 (%2, at position %3) has more than four hex digits: a group is 16 bits, 0 to ffff</source>
        <translation>第 %1 组（%2，位置 %3）超过四个十六进制数字：每组 16 位，取值 0 到 ffff</translation>
    </message>
    <message>
        <source>Three colons in a row at position %1: &apos;::&apos; is two colons</source>
        <translation>位置 %1 处连续出现三个冒号：&apos;::&apos; 只有两个冒号</translation>
    </message>
    <message>
        <source>A second &apos;::&apos; at position %1 (the first is at position %2): &apos;::&apos; may appear only once, because it stands for as many zero groups as needed and two would be ambiguous</source>
        <translation>位置 %1 出现了第二个 &apos;::&apos;（第一个在位置 %2）：&apos;::&apos; 只能出现一次，因为它代表所需数量的全零组，出现两次就会产生歧义</translation>
    </message>
    <message>
        <source>The address ends with a single &apos;:&apos; at position %1: a group must follow it (or end with &apos;::&apos; for zero groups)</source>
        <translation>地址以位置 %1 的单个 &apos;:&apos; 结尾：它后面必须跟一组（或以 &apos;::&apos; 结尾，表示全零组）</translation>
    </message>
    <message>
        <source>The IPv4 part at position %1 has no room: it takes the place of two groups, so at most six groups may come before it, and here there are %2</source>
        <translation>位置 %1 的 IPv4 部分放不下：它占两组的位置，所以前面最多只能有六组，而这里有 %2 组</translation>
    </message>
    <message>
        <source>In the IPv4 part at position %1: %2</source>
        <translation>位置 %1 的 IPv4 部分有误：%2</translation>
    </message>
    <message>
        <source>The &apos;::&apos; at position %1 would stand for no groups at all: the address already has eight without it, so write it without &apos;::&apos;</source>
        <translation>位置 %1 的 &apos;::&apos; 将不代表任何组：不算它，地址已有八组，所以请去掉 &apos;::&apos;</translation>
    </message>
    <message>
        <source>&apos;::&apos; at position %1 stands for one zero group</source>
        <translation>位置 %1 的 &apos;::&apos; 代表一个全零组</translation>
    </message>
    <message>
        <source>&apos;::&apos; at position %1 stands for %2 zero groups</source>
        <translation>位置 %1 的 &apos;::&apos; 代表 %2 个全零组</translation>
    </message>
    <message>
        <source>Too few groups, %1 of 8 counting the IPv4 part as two: without &apos;::&apos; an IPv6 address needs all eight</source>
        <translation>组数太少，只有 %1 组（应为 8 组，IPv4 部分算两组）：不使用 &apos;::&apos; 时，IPv6 地址必须写满八组</translation>
    </message>
    <message>
        <source>Too few groups, %1 of 8: without &apos;::&apos; an IPv6 address needs all eight; write &apos;::&apos; where the zero groups go</source>
        <translation>组数太少，只有 %1 组（应为 8 组）：不使用 &apos;::&apos; 时，IPv6 地址必须写满八组；请在全零组的位置写 &apos;::&apos;</translation>
    </message>
    <message>
        <source>. For an IPv4 address choose AF_INET, or write its IPv4-mapped form ::ffff:%1</source>
        <translation>。若是 IPv4 地址，请选择 AF_INET，或写成它的 IPv4 映射形式 ::ffff:%1</translation>
    </message>
    <message>
        <source>the IPv4 part at position %1 fills the last two groups</source>
        <translation>位置 %1 的 IPv4 部分填充最后两组</translation>
    </message>
    <message>
        <source>all eight groups are written out</source>
        <translation>八组全部写出</translation>
    </message>
    <message>
        <source> (the first of the longest runs of zero groups)</source>
        <translation> （几段同样最长的连续全零组中的第一段）</translation>
    </message>
    <message>
        <source> (the longest run of zero groups)</source>
        <translation> （最长的一段连续全零组）</translation>
    </message>
    <message>
        <source>groups %1 to %2 are zero%3, so they are written as &apos;::&apos;</source>
        <translation>第 %1 到 %2 组为零%3，因此写成 &apos;::&apos;</translation>
    </message>
    <message>
        <source>no two zero groups are next to each other, and a single zero group is written as 0, not &apos;::&apos;</source>
        <translation>没有两个相邻的全零组，而单个全零组写作 0，不写作 &apos;::&apos;</translation>
    </message>
    <message>
        <source>no group is zero, so there is nothing to shorten with &apos;::&apos;</source>
        <translation>没有全零组，因此没有可以用 &apos;::&apos; 缩写的部分</translation>
    </message>
    <message>
        <source>leading zeros in each group are dropped and hex digits are written in lower case</source>
        <translation>去掉每组的前导零，十六进制数字用小写</translation>
    </message>
    <message>
        <source>the first 80 bits are zero and the next 16 are ffff: an IPv4-mapped address, so the last 32 bits are written as IPv4</source>
        <translation>前 80 位为零，接下来 16 位为 ffff：这是 IPv4 映射地址，所以最后 32 位写成 IPv4 形式</translation>
    </message>
    <message>
        <source>the first six groups are zero and the seventh is not, so glibc writes the last 32 bits as IPv4: the old IPv4-compatible form, deprecated by RFC 4291</source>
        <translation>前六组为零而第七组不为零，所以 glibc 把最后 32 位写成 IPv4 形式：这是旧的 IPv4 兼容形式，已被 RFC 4291 废弃</translation>
    </message>
    <message>
        <source>%1: hexadecimal (0x prefix) = %2</source>
        <translation>%1：十六进制（0x 前缀）= %2</translation>
    </message>
    <message>
        <source>%1: octal (leading 0) = %2</source>
        <translation>%1：八进制（前导 0）= %2</translation>
    </message>
    <message>
        <source>%1: decimal = %2</source>
        <translation>%1：十进制 = %2</translation>
    </message>
    <message>
        <source>; inet_aton would read it as %1 (it also takes shorter, octal and hex forms, and ignores what follows a space), but inet_pton takes only four decimal octets</source>
        <translation>；inet_aton 会把它读作 %1（它还接受更短的写法和八进制、十六进制形式，并忽略空格之后的内容），但 inet_pton 只接受四段十进制数</translation>
    </message>
    <message>
        <source>Empty: type a number, in decimal (4660) or in hex with 0x (0x1234)</source>
        <translation>为空：请输入一个数，可以是十进制（4660），也可以是带 0x 的十六进制（0x1234）</translation>
    </message>
    <message>
        <source>Empty: type a number in decimal</source>
        <translation>为空：请输入一个十进制数</translation>
    </message>
    <message>
        <source>%1 is negative</source>
        <translation>%1 是负数</translation>
    </message>
    <message>
        <source>&apos;0x&apos; at position %1 needs hex digits after it, as in 0x1234</source>
        <translation>位置 %1 的 &apos;0x&apos; 后面需要十六进制数字，例如 0x1234</translation>
    </message>
    <message>
        <source>%1 at position %2 is not a hex digit (0-9, a-f)</source>
        <translation>位置 %2 的 %1 不是十六进制数字（0-9、a-f）</translation>
    </message>
    <message>
        <source>%1 at position %2 is not a decimal digit%3</source>
        <translation>位置 %2 的 %1 不是十进制数字%3</translation>
    </message>
    <message>
        <source> (write hex with 0x, as in 0x1234)</source>
        <translation> （十六进制请加 0x，例如 0x1234）</translation>
    </message>
    <message>
        <source>%1 is protocol number %2: the value of the Protocol field in an IPv4 header (Next Header in IPv6), and what socket() takes as its third argument</source>
        <translation>%1 的协议号是 %2：即 IPv4 首部中 Protocol 字段的值（IPv6 中为 Next Header），也是 socket() 的第三个参数</translation>
    </message>
    <message>
        <source>%1 is number %2, which does not fit the one-byte protocol field of an IP header: Linux uses it only as socket()&apos;s third argument</source>
        <translation>%1 的编号是 %2，放不进 IP 首部中只有一个字节的协议字段：Linux 只把它用作 socket() 的第三个参数</translation>
    </message>
    <message>
        <source>. Aliases: %1</source>
        <translation>。别名：%1</translation>
    </message>
    <message>
        <source>four decimal octets, one byte each</source>
        <translation>四段十进制数，每段一个字节</translation>
    </message>
    <message>
        <source>%1 addresses are %2 bytes, not %3</source>
        <translation>%1 地址是 %2 字节，而不是 %3 字节</translation>
    </message>
    <message>
        <source>, the size of an %1 address: choose %1</source>
        <translation>，这正是 %1 地址的长度：请选择 %1</translation>
    </message>
    <message>
        <source>each byte written in decimal, separated by dots</source>
        <translation>每个字节写成十进制数，用点分隔</translation>
    </message>
    <message>
        <source>Empty: inet_aton takes one to four numbers separated by dots, as in 127.0.0.1 or 127.1</source>
        <translation>为空：inet_aton 接受一到四个用点分隔的数，例如 127.0.0.1 或 127.1</translation>
    </message>
    <message>
        <source>The address ends with a &apos;.&apos; at position %1: part %2 is missing</source>
        <translation>地址以位置 %1 的 &apos;.&apos; 结尾：缺少第 %2 部分</translation>
    </message>
    <message>
        <source>Part %1 is empty: the &apos;.&apos; at position %2 has no number before it</source>
        <translation>第 %1 部分为空：位置 %2 的 &apos;.&apos; 前面没有数</translation>
    </message>
    <message>
        <source>Part %1 starts with %2 at position %3: each part must start with a digit (0x for hex, 0 for octal, otherwise decimal)</source>
        <translation>第 %1 部分在位置 %3 以 %2 开头：每部分必须以数字开头（0x 表示十六进制，0 表示八进制，其他为十进制）</translation>
    </message>
    <message>
        <source>. inet_aton ignores what comes after a space, but not a space before the address</source>
        <translation>。inet_aton 会忽略空格之后的内容，但不接受地址前面的空格</translation>
    </message>
    <message>
        <source>Part %1 (%2, at position %3) is too large: no part may be more than 32 bits, 4294967295 (0xffffffff)</source>
        <translation>第 %1 部分（%2，位置 %3）太大：任何部分都不能超过 32 位，即 4294967295（0xffffffff）</translation>
    </message>
    <message>
        <source>A &apos;.&apos; at position %1 follows the fourth part: inet_aton takes at most four parts</source>
        <translation>位置 %1 的 &apos;.&apos; 出现在第四部分之后：inet_aton 最多接受四部分</translation>
    </message>
    <message>
        <source>Part %1 (%2, at position %3) is out of range: every part but the last is one byte, 0 to 255</source>
        <translation>第 %1 部分（%2，位置 %3）超出范围：除最后一部分外，每部分都是一个字节，取值 0 到 255</translation>
    </message>
    <message>
        <source>%1 at position %2 is not an octal digit: part %3 starts with 0, so inet_aton reads it as octal (digits 0 to 7)</source>
        <translation>位置 %2 的 %1 不是八进制数字：第 %3 部分以 0 开头，所以 inet_aton 把它当作八进制（数字 0 到 7）</translation>
    </message>
    <message>
        <source>&apos;0%1&apos; at position %2 has no hex digits after it</source>
        <translation>位置 %2 的 &apos;0%1&apos; 后面没有十六进制数字</translation>
    </message>
    <message>
        <source>%1 at position %2 is not a hex digit (part %3 is hexadecimal because of its 0x prefix)</source>
        <translation>位置 %2 的 %1 不是十六进制数字（第 %3 部分有 0x 前缀，所以是十六进制）</translation>
    </message>
    <message>
        <source>Stray character %1 at position %2 after part %3: a part ends at a &apos;.&apos;, at the end, or at a space (inet_aton ignores everything after a space)</source>
        <translation>第 %3 部分之后、位置 %2 有非法字符 %1：一个部分只能在 &apos;.&apos;、末尾或空格处结束（inet_aton 会忽略空格之后的所有内容）</translation>
    </message>
    <message>
        <source>. inet_aton is IPv4 only; for IPv6 use inet_pton with AF_INET6</source>
        <translation>。inet_aton 只支持 IPv4；IPv6 请用 inet_pton 并指定 AF_INET6</translation>
    </message>
    <message>
        <source>The last part (%1, at position %2) is too large: with two parts (a.b) it fills the last three bytes, 0 to 16777215 (0xffffff)</source>
        <translation>最后一部分（%1，位置 %2）太大：共两部分（a.b）时，它填充最后三个字节，取值 0 到 16777215（0xffffff）</translation>
    </message>
    <message>
        <source>The last part (%1, at position %2) is too large: with three parts (a.b.c) it fills the last two bytes, 0 to 65535 (0xffff)</source>
        <translation>最后一部分（%1，位置 %2）太大：共三部分（a.b.c）时，它填充最后两个字节，取值 0 到 65535（0xffff）</translation>
    </message>
    <message>
        <source>Part 4 (%1, at position %2) is out of range: with four parts each is one byte, 0 to 255</source>
        <translation>第 4 部分（%1，位置 %2）超出范围：共四部分时，每部分一个字节，取值 0 到 255</translation>
    </message>
    <message>
        <source>, the whole address: %1</source>
        <translation>，即整个地址：%1</translation>
    </message>
    <message>
        <source>, filling the last three bytes: %1</source>
        <translation>，填充最后三个字节：%1</translation>
    </message>
    <message>
        <source>, filling the last two bytes: %1</source>
        <translation>，填充最后两个字节：%1</translation>
    </message>
    <message>
        <source>%1: one part, so it is the whole 32-bit address: %2</source>
        <translation>%1：只有一部分，所以它就是整个 32 位地址：%2</translation>
    </message>
    <message>
        <source>%1: two parts, so the last part fills the last three bytes: %2</source>
        <translation>%1：共两部分，所以最后一部分填充最后三个字节：%2</translation>
    </message>
    <message>
        <source>%1: three parts, so the last part fills the last two bytes: %2</source>
        <translation>%1：共三部分，所以最后一部分填充最后两个字节：%2</translation>
    </message>
    <message>
        <source>%1: four parts, one byte each: %2</source>
        <translation>%1：共四部分，每部分一个字节：%2</translation>
    </message>
    <message>
        <source>. Everything from the %1 at position %2 on is ignored: glibc&apos;s inet_aton stops at the first space, tab or newline</source>
        <translation>。从位置 %2 的 %1 起，后面的内容全部被忽略：glibc 的 inet_aton 遇到第一个空格、制表符或换行符就停止读取</translation>
    </message>
    <message>
        <source>inet_pton(AF_INET) reads it the same way: four decimal octets</source>
        <translation>inet_pton(AF_INET) 的读法相同：四段十进制数</translation>
    </message>
    <message>
        <source>inet_pton(AF_INET) refuses this form, which only inet_aton knows (%1); it takes only four decimal octets, so write %2</source>
        <translation>inet_pton(AF_INET) 不接受这种只有 inet_aton 才认识的形式（%1）；它只接受四段十进制数，所以请写成 %2</translation>
    </message>
    <message>
        <source>inet_ntoa takes exactly 4 bytes (an IPv4 address), not %1</source>
        <translation>inet_ntoa 只接受正好 4 个字节（一个 IPv4 地址），而不是 %1 个</translation>
    </message>
    <message>
        <source>a 16-bit value, 0 to 65535 (0xffff)</source>
        <translation>16 位的值，0 到 65535（0xffff）</translation>
    </message>
    <message>
        <source>a 32-bit value, 0 to 4294967295 (0xffffffff)</source>
        <translation>32 位的值，0 到 4294967295（0xffffffff）</translation>
    </message>
    <message>
        <source>%1: %2 takes %3</source>
        <translation>%1：%2 接受的是 %3</translation>
    </message>
    <message>
        <source>%1 is out of range for %2: it takes %3</source>
        <translation>%1 超出了 %2 的范围：它接受的是 %3</translation>
    </message>
    <message>
        <source>; htonl and ntohl take 32 bits</source>
        <translation>；htonl 和 ntohl 接受 32 位的值</translation>
    </message>
    <message>
        <source>%1 is out of range for %2: it takes a 16-bit value, 0 to 65535 (0xffff)</source>
        <translation>%1 超出了 %2 的范围：它接受的是 16 位的值，0 到 65535（0xffff）</translation>
    </message>
    <message>
        <source>little-endian</source>
        <translation>小端序</translation>
    </message>
    <message>
        <source>big-endian</source>
        <translation>大端序</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 位</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 位</translation>
    </message>
    <message>
        <source>%1(%2): this machine is big-endian, the same order as the network, so %1 returns its argument unchanged; on a little-endian machine it would swap the bytes</source>
        <translation>%1(%2)：本机是大端序，与网络字节序相同，所以 %1 原样返回参数；在小端序的机器上它会交换字节</translation>
    </message>
    <message>
        <source>%1(%2): in network order (big-endian, most significant byte first) its bytes are %3. This machine is little-endian, so a %4 number whose memory holds %3 reads as %5: that is what %1 returns, ready for %6</source>
        <translation>%1(%2)：按网络字节序（大端序，最高有效字节在前），它的字节是 %3。本机是小端序，所以内存中字节为 %3 的 %4整数读出来是 %5：这就是 %1 的返回值，可直接填入 %6</translation>
    </message>
    <message>
        <source>%1(%2): this machine is little-endian, so the number lies in memory as %3. Read in network order (big-endian, most significant byte first) those bytes mean %4: that is what %1 returns, the number a person means</source>
        <translation>%1(%2)：本机是小端序，所以这个数在内存中是 %3。按网络字节序（大端序，最高有效字节在前）来读，这些字节表示 %4：这就是 %1 的返回值，也就是人们心目中的那个数</translation>
    </message>
    <message>
        <source>Empty: type a protocol name such as tcp, udp or icmp</source>
        <translation>为空：请输入协议名，例如 tcp、udp 或 icmp</translation>
    </message>
    <message>
        <source>%1 at position %2: protocol names have no spaces or control characters</source>
        <translation>位置 %2 有 %1：协议名中不能有空格或控制字符</translation>
    </message>
    <message>
        <source>No protocol named %1 in this system&apos;s protocol database (/etc/protocols): names are matched exactly as listed there, such as tcp, udp, icmp or ipv6-icmp</source>
        <translation>本系统的协议数据库（/etc/protocols）中没有名为 %1 的协议：名称须与其中列出的完全一致，例如 tcp、udp、icmp 或 ipv6-icmp</translation>
    </message>
    <message>
        <source>%1 is an alias of %2. </source>
        <translation>%1 是 %2 的别名。 </translation>
    </message>
    <message>
        <source>Protocol number %1 is negative: protocol numbers start at 0</source>
        <translation>协议号 %1 是负数：协议号从 0 开始</translation>
    </message>
    <message>
        <source>No protocol with number %1 in this system&apos;s protocol database (/etc/protocols)</source>
        <translation>本系统的协议数据库（/etc/protocols）中没有编号为 %1 的协议</translation>
    </message>
    <message>
        <source>; the protocol field of an IP header is one byte, 0 to 255</source>
        <translation>；IP 首部的协议字段只有一个字节，取值 0 到 255</translation>
    </message>
    <message>
        <source>%1: protocol numbers start at 0</source>
        <translation>%1：协议号从 0 开始</translation>
    </message>
    <message>
        <source>%1 is too large: protocol numbers are 0 to 255 in an IP header (Linux adds a few above, such as 262 for MPTCP)</source>
        <translation>%1 太大：IP 首部中的协议号为 0 到 255（Linux 在此之外另加了几个，例如 MPTCP 的 262）</translation>
    </message>
    <message>
        <source>Empty: type an IPv4 address (127.0.0.1) or an IPv4-mapped IPv6 address (::ffff:127.0.0.1)</source>
        <translation>为空：请输入 IPv4 地址（127.0.0.1）或 IPv4 映射的 IPv6 地址（::ffff:127.0.0.1）</translation>
    </message>
    <message>
        <source>%1 is not an IPv4-mapped address: that is ::ffff: followed by an IPv4 address (80 zero bits, then 16 one bits)</source>
        <translation>%1 不是 IPv4 映射地址：IPv4 映射地址是 ::ffff: 后接一个 IPv4 地址（80 个 0 比特，接着 16 个 1 比特）</translation>
    </message>
    <message>
        <source>. ::%1 is the old IPv4-compatible form, deprecated by RFC 4291; the mapped form is ::ffff:%1</source>
        <translation>。::%1 是旧的 IPv4 兼容形式，已被 RFC 4291 废弃；映射形式是 ::ffff:%1</translation>
    </message>
</context>
<context>
    <name>Behaviour</name>
    <message>
        <source>Echo (RFC 862): sends every byte back</source>
        <translation>回显（RFC 862）：把收到的每个字节原样发回</translation>
    </message>
    <message>
        <source>Discard (RFC 863): reads everything and answers nothing</source>
        <translation>丢弃（RFC 863）：读取所有数据，不作任何回复</translation>
    </message>
    <message>
        <source>Daytime (RFC 867): sends the date and time as text</source>
        <translation>daytime 协议（RFC 867）：以文本形式发送日期和时间</translation>
    </message>
    <message>
        <source>Time (RFC 868): sends the seconds since 1900 as 4 bytes</source>
        <translation>time 协议（RFC 868）：用 4 个字节发送自 1900 年以来的秒数</translation>
    </message>
    <message>
        <source>Timestamp (tsTserv): answers every line with [ctime] line</source>
        <translation>时间戳（tsTserv）：对收到的每一行回复“[ctime] 该行”</translation>
    </message>
    <message>
        <source>Welcome: greets the client, reads one line and says how many characters it had</source>
        <translation>欢迎：向客户端问好，读取一行，并告诉它这一行有多少个字符</translation>
    </message>
    <message>
        <source>HTTP/1.1: a small page and test paths (/headers, /bytes/N, /chunked, /status/N, /slow)</source>
        <translation>HTTP/1.1：一个小页面和几个测试路径（/headers、/bytes/N、/chunked、/status/N、/slow）</translation>
    </message>
    <message>
        <source>SNTP v4 (RFC 4330): answers time requests over UDP</source>
        <translation>SNTP v4（RFC 4330）：通过 UDP 应答时间请求</translation>
    </message>
    <message>
        <source>Manual: answers nothing by itself; you type the replies and close the clients</source>
        <translation>手动：自己不作任何回复；由你输入回复并关闭客户端</translation>
    </message>
    <message>
        <source>More than %1 bytes of pipelined requests waiting: closing this client</source>
        <translation>排队等待的流水线请求超过 %1 字节：正在关闭此客户端</translation>
    </message>
    <message>
        <source>The client will send nothing more (half-closed); you can still send to it, then close it.</source>
        <translation>客户端不会再发送数据了（半关闭）；你仍可以向它发送数据，然后再关闭它。</translation>
    </message>
    <message>
        <source>Line longer than %1 bytes without a newline: closing this client</source>
        <translation>一行超过 %1 字节仍没有换行符：正在关闭此客户端</translation>
    </message>
</context>
<context>
    <name>BodyStore</name>
    <message>
        <source>The body is larger than %1 GiB, the most kept in a temporary file; stopped there. To save a body that large, use the command line: socket-workbench http-get URL --output FILE</source>
        <translation>正文超过 %1 GiB，这是临时文件最多能保存的大小，已在此处停止。要保存这么大的正文，请使用命令行：socket-workbench http-get URL --output FILE</translation>
    </message>
    <message>
        <source>Could not write the body to a temporary file in %1: %2</source>
        <translation>无法将正文写入 %1 中的临时文件：%2</translation>
    </message>
    <message>
        <source>Could not write the body to the temporary file %1: %2</source>
        <translation>无法将正文写入临时文件 %1：%2</translation>
    </message>
    <message>
        <source>Could not finish the temporary file %1: %2</source>
        <translation>无法完成临时文件 %1 的写入：%2</translation>
    </message>
</context>
<context>
    <name>ConnectionModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source> … (%1 more not kept)</source>
        <translation> …（另有 %1 未保留）</translation>
    </message>
</context>
<context>
    <name>EndpointParser</name>
    <message>
        <source>%1 %2 is not a valid IPv4 address: write four numbers from 0 to 255 separated by dots, such as 127.0.0.1</source>
        <translation>%1 %2 不是有效的 IPv4 地址：请写成用点分隔的四个 0 到 255 之间的数，例如 127.0.0.1</translation>
    </message>
    <message>
        <source>%1 %2 needs an interface name or number after the &apos;%&apos;, such as %3 or %4</source>
        <translation>%1 %2 的 &apos;%&apos; 后面需要网络接口名或编号，例如 %3 或 %4</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; a host name may have at most %3 (not counting a final dot)</source>
        <translation>%1 长 %2 个字符；主机名最多 %3 个字符（不计末尾的点）</translation>
    </message>
    <message>
        <source>%1 %2 has an empty part: dots must separate names, as in www.example.com, not start them or stand two in a row</source>
        <translation>%1 %2 中有空的部分：点只能用来分隔名称，如 www.example.com，不能出现在开头，也不能连续出现两个</translation>
    </message>
    <message>
        <source>%1 part %2 is %3 characters long; each part between dots may have at most %4</source>
        <translation>%1 中的部分 %2 长 %3 个字符；点之间的每个部分最多 %4 个字符</translation>
    </message>
    <message>
        <source>%1 part %2 contains &apos;%3&apos;; host names use only letters a-z, digits, &apos;-&apos; and &apos;_&apos; (an international name must be typed in its xn-- form)</source>
        <translation>%1 中的部分 %2 含有 &apos;%3&apos;；主机名只能使用字母 a-z、数字、&apos;-&apos; 和 &apos;_&apos;（国际化域名必须输入其 xn-- 形式）</translation>
    </message>
    <message>
        <source>%1 part %2 starts or ends with &apos;-&apos;; a part of a host name may only have &apos;-&apos; inside it</source>
        <translation>%1 中的部分 %2 以 &apos;-&apos; 开头或结尾；主机名的各部分只能在中间包含 &apos;-&apos;</translation>
    </message>
    <message>
        <source>%1 is empty; type a name such as localhost or an address such as 127.0.0.1</source>
        <translation>%1 为空；请输入名称（如 localhost）或地址（如 127.0.0.1）</translation>
    </message>
    <message>
        <source>%1 must not contain spaces (there is one at character %2)</source>
        <translation>%1 不能包含空格（第 %2 个字符是空格）</translation>
    </message>
    <message>
        <source>%1 %2 opens a &apos;[&apos; but does not close it; write an IPv6 address as [::1]</source>
        <translation>%1 %2 有 &apos;[&apos; 却没有闭合；IPv6 地址请写成 [::1]</translation>
    </message>
    <message>
        <source>%1 %2 is not an IPv6 address; brackets are only for IPv6 addresses such as [::1]</source>
        <translation>%1 %2 不是 IPv6 地址；方括号只用于 IPv6 地址，如 [::1]</translation>
    </message>
    <message>
        <source>%1 %2 has a &apos;]&apos; without a &apos;[&apos;; write an IPv6 address as [::1]</source>
        <translation>%1 %2 有 &apos;]&apos; 却没有 &apos;[&apos;；IPv6 地址请写成 [::1]</translation>
    </message>
    <message>
        <source>%1 %2 contains &apos;:&apos; but is not a valid IPv6 address such as ::1 or fe80::1%eth0 (a port after an IPv6 address needs brackets, as in [::1]:80)</source>
        <translation>%1 %2 含有 &apos;:&apos;，但不是 ::1 或 fe80::1%eth0 这样的有效 IPv6 地址（在 IPv6 地址后加端口需要方括号，如 [::1]:80）</translation>
    </message>
    <message>
        <source>%1 is empty; type a number such as 80 or a service name such as http</source>
        <translation>%1 为空；请输入数字（如 80）或服务名（如 http）</translation>
    </message>
    <message>
        <source>%1 %2 is negative; type a number between %3</source>
        <translation>%1 %2 是负数；请输入 %3 之间的数字</translation>
    </message>
    <message>
        <source>%1 %2 has a sign; type a plain number between %3</source>
        <translation>%1 %2 带有正负号；请输入 %3 之间的不带符号的数字</translation>
    </message>
    <message>
        <source>%1 must be between 1 and 65535; 0 asks the system to choose a free port, which only a server can do</source>
        <translation>%1 必须在 1 到 65535 之间；0 表示让系统选择一个空闲端口，只有服务器才能这样做</translation>
    </message>
    <message>
        <source>%1 %2 is too large: it must be between %3</source>
        <translation>%1 %2 太大：必须在 %3 之间</translation>
    </message>
    <message>
        <source>%1 %2 is neither a number nor a service name: type a number between %3 or a name such as http</source>
        <translation>%1 %2 既不是数字也不是服务名：请输入 %3 之间的数字，或 http 这样的服务名</translation>
    </message>
    <message>
        <source>Unknown service %1 for %2: type a %3 number or a name from /etc/services such as http</source>
        <translation>未知的 %2 服务 %1：请输入数字形式的 %3，或 /etc/services 中的服务名（如 http）</translation>
    </message>
    <message>
        <source>%1 %2 names port 0, which only a server can ask for</source>
        <translation>%1 %2 对应端口 0，只有服务器才能请求端口 0</translation>
    </message>
    <message>
        <source>Host %1 looks like a web address; type only the host and port, such as example.com:80</source>
        <translation>主机 %1 看起来像网址；只需输入主机和端口，如 example.com:80</translation>
    </message>
    <message>
        <source>Host %1 opens a &apos;[&apos; but does not close it; write an IPv6 address and port as [::1]:50007</source>
        <translation>主机 %1 有 &apos;[&apos; 却没有闭合；IPv6 地址加端口请写成 [::1]:50007</translation>
    </message>
    <message>
        <source>After the &apos;]&apos; of %1 only &apos;:&apos; and a port may follow, as in [::1]:50007</source>
        <translation>在 %1 的 &apos;]&apos; 之后只能跟 &apos;:&apos; 和端口，如 [::1]:50007</translation>
    </message>
    <message>
        <source>Port is missing: type the host, a &apos;:&apos; and the port, such as localhost:50007 or [::1]:50007</source>
        <translation>缺少端口：请输入主机、&apos;:&apos; 和端口，如 localhost:50007 或 [::1]:50007</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Bind address</source>
        <translation>绑定地址</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 到 %2</translation>
    </message>
</context>
<context>
    <name>ErrorKind</name>
    <message>
        <source>Nothing is listening on that port: the other machine answered &quot;no&quot; at once. Is the server started? Is the port right?</source>
        <translation>该端口上没有程序在监听：对方机器立即回绝了连接。服务器启动了吗？端口对吗？</translation>
    </message>
    <message>
        <source>The other side reset the connection: it closed abruptly, perhaps because it crashed, was stopped, or did not want what it was sent. Connect again to retry.</source>
        <translation>对方重置了连接：连接被突然关闭，可能是对方程序崩溃了、被停止了，或者不接受发给它的内容。请重新连接再试。</translation>
    </message>
    <message>
        <source>You wrote to a connection the other side has already closed. Nothing more can be sent on it.</source>
        <translation>你向一个对方已经关闭的连接写入了数据。这个连接上不能再发送任何内容。</translation>
    </message>
    <message>
        <source>Another socket already uses that address and port. Stop the other server, pick another port, or use port 0 to let the system choose a free one.</source>
        <translation>另一个套接字已在使用该地址和端口。请停止另一个服务器、换一个端口，或使用端口 0 让系统选一个空闲端口。</translation>
    </message>
    <message>
        <source>The system does not allow this. Ports below 1024 need administrator rights: use a port above 1024.</source>
        <translation>系统不允许此操作。1024 以下的端口需要管理员权限：请使用 1024 以上的端口。</translation>
    </message>
    <message>
        <source>There is no route to that network or host. Check the address and the network connection.</source>
        <translation>没有通往该网络或主机的路由。请检查地址和网络连接。</translation>
    </message>
    <message>
        <source>That address does not belong to this machine (or the port range is exhausted). Choose an address from this machine&apos;s interfaces.</source>
        <translation>该地址不属于本机（或端口范围已用尽）。请从本机的网络接口中选择一个地址。</translation>
    </message>
    <message>
        <source>This machine cannot make a socket of that family (often: IPv6 is switched off).</source>
        <translation>本机无法创建该地址族的套接字（常见原因：IPv6 已被关闭）。</translation>
    </message>
    <message>
        <source>Too many files and sockets are open. Close some connections or raise the limit (ulimit -n).</source>
        <translation>打开的文件和套接字太多。请关闭一些连接，或提高上限（ulimit -n）。</translation>
    </message>
    <message>
        <source>The program reading the output (head, less, a closed pipe) stopped reading before the end, so the rest could not be written. That is normal with head; use --output FILE to keep it all.</source>
        <translation>读取输出的程序（head、less 或已关闭的管道）提前停止了读取，因此其余内容无法写出。使用 head 时这很正常；要保留全部输出，请使用 --output FILE。</translation>
    </message>
    <message>
        <source>You stopped it before it finished. Nothing is wrong with the other side; run it again when you are ready.</source>
        <translation>你在它完成之前停止了它。对方没有任何问题；准备好后再运行一次即可。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be checked: it may be self-signed, expired, issued for another name, or signed by an authority this machine does not trust. Anyone between you and the server could be pretending to be it. Continue only if you know this server (a lab or test server), and only for this session.</source>
        <translation>无法验证服务器的证书：它可能是自签名的、已过期、是为其他名称签发的，或者由本机不信任的机构签发。你和服务器之间的任何人都可能在冒充它。只有在你了解这台服务器（实验室或测试服务器）时才继续，并且仅限本次会话。</translation>
    </message>
    <message>
        <source>The TLS handshake failed: the server and this program could not agree on how to encrypt, or the server is not speaking TLS on this port (try http:// instead of https://).</source>
        <translation>TLS 握手失败：服务器与本程序无法就加密方式达成一致，或者服务器在这个端口上使用的不是 TLS（试试用 http:// 代替 https://）。</translation>
    </message>
    <message>
        <source>No name is known for this address: neither /etc/hosts nor DNS has a reverse (PTR) entry for it. Many addresses have none; that is normal.</source>
        <translation>这个地址没有已知的名称：/etc/hosts 和 DNS 中都没有它的反向（PTR）记录。很多地址都没有反向记录，这很正常。</translation>
    </message>
    <message>
        <source>No such name: neither /etc/hosts nor DNS knows an address for it. Check the spelling; without Internet only local names such as localhost work.</source>
        <translation>没有这个名称：/etc/hosts 和 DNS 都不知道它的地址。请检查拼写；没有联网时，只有 localhost 这样的本地名称可用。</translation>
    </message>
    <message>
        <source>DNS could not be asked, or did not answer in time (a temporary failure), so it is unknown whether the address has a name. Check the network connection and the DNS server in /etc/resolv.conf, then try again.</source>
        <translation>无法向 DNS 查询，或 DNS 没有及时回答（临时故障），因此无法确定该地址是否有名称。请检查网络连接和 /etc/resolv.conf 中的 DNS 服务器，然后重试。</translation>
    </message>
    <message>
        <source>DNS could not be asked, or did not answer in time (a temporary failure): this does not mean the name does not exist. Check the network connection and the DNS server in /etc/resolv.conf, then try again.</source>
        <translation>无法向 DNS 查询，或 DNS 没有及时回答（临时故障）：这并不表示该名称不存在。请检查网络连接和 /etc/resolv.conf 中的 DNS 服务器，然后重试。</translation>
    </message>
    <message>
        <source>The DNS server failed for good (a non-recoverable error, such as a refused or broken answer). Trying again will not help until the server or its configuration is fixed.</source>
        <translation>DNS 服务器出现了永久性故障（不可恢复的错误，例如拒绝回答或回答已损坏）。在服务器或其配置修复之前，重试也无济于事。</translation>
    </message>
    <message>
        <source>The name has no address of the family asked for: for example -6 (AF_INET6) for a name that only has IPv4 addresses, or an IPv6 address where only IPv4 is allowed (gethostbyname_ex). Ask for the other family, or for any.</source>
        <translation>该名称没有所请求地址族的地址：例如对只有 IPv4 地址的名称使用 -6（AF_INET6），或在只允许 IPv4 的地方（gethostbyname_ex）得到了 IPv6 地址。请改为请求另一个地址族，或不限地址族。</translation>
    </message>
    <message>
        <source>The name exists, but has no addresses (DNS knows it, for mail perhaps, but not as a host). Check that this is the host you mean.</source>
        <translation>该名称存在，但没有地址（DNS 知道它，可能用于邮件，但不是作为主机）。请确认这就是你要找的主机。</translation>
    </message>
    <message>
        <source>The resolver does not support this address family: ask for AF_INET, AF_INET6 or AF_UNSPEC.</source>
        <translation>解析器不支持这个地址族：请使用 AF_INET、AF_INET6 或 AF_UNSPEC。</translation>
    </message>
    <message>
        <source>The service is not available for this socket type: the name is not listed in /etc/services for this protocol (tcp or udp). Check the name, or give the port number instead.</source>
        <translation>该服务不适用于这种套接字类型：/etc/services 中没有为此协议（tcp 或 udp）列出这个名称。请检查名称，或改用端口号。</translation>
    </message>
    <message>
        <source>The input is not valid. Correct the field shown and try again.</source>
        <translation>输入无效。请更正所指出的字段后重试。</translation>
    </message>
    <message>
        <source>The name could not be turned into an address (getaddrinfo failed). Check the spelling; without Internet only local names such as localhost work.</source>
        <translation>无法把该名称转换为地址（getaddrinfo 失败）。请检查拼写；没有联网时，只有 localhost 这样的本地名称可用。</translation>
    </message>
    <message>
        <source>The address could not be turned back into a name: there is no reverse entry for it.</source>
        <translation>无法把该地址转换回名称：它没有反向记录。</translation>
    </message>
    <message>
        <source>The connection could not be made. Check the host, the port, and that the server runs.</source>
        <translation>无法建立连接。请检查主机和端口，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>No answer came in time. The host may be down, a firewall may drop the packets silently, or the server is slow. Try a longer timeout or check the address.</source>
        <translation>没有及时收到回答。可能是主机已关机、防火墙悄悄丢弃了数据包，或者服务器响应太慢。请试试更长的超时时间，或检查地址。</translation>
    </message>
    <message>
        <source>Sending or receiving failed on an open connection. The other side may have gone away.</source>
        <translation>在已打开的连接上发送或接收失败。对方可能已经断开。</translation>
    </message>
    <message>
        <source>The other side answered, but not in the format the protocol requires.</source>
        <translation>对方回答了，但格式不符合协议的要求。</translation>
    </message>
    <message>
        <source>This machine refused the request (a local limit or setting).</source>
        <translation>本机拒绝了该请求（受本地限制或设置影响）。</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>IPv4 (AF_INET)</source>
        <translation>IPv4 (AF_INET)</translation>
    </message>
    <message>
        <source>IPv6 (AF_INET6)</source>
        <translation>IPv6 (AF_INET6)</translation>
    </message>
    <message>
        <source>Which kind of address to use: the first argument of socket.socket()</source>
        <translation>要使用哪种地址：socket.socket() 的第一个参数</translation>
    </message>
</context>
<context>
    <name>HostLookup</name>
    <message>
        <source>&apos;%1&apos; is a name, not an address: a reverse lookup takes a numeric address such as 127.0.0.1 or ::1 (look a name up forward instead)</source>
        <translation>&apos;%1&apos; 是名称，不是地址：反向查询需要数字地址，例如 127.0.0.1 或 ::1（名称请用正向查询）</translation>
    </message>
    <message>
        <source>Could not find the address of &apos;%1&apos;: %2 (%3)</source>
        <translation>找不到 &apos;%1&apos; 的地址：%2（%3）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an address this machine can use: %2</source>
        <translation>&apos;%1&apos; 不是本机可以使用的地址：%2</translation>
    </message>
    <message>
        <source>No name found for %1: %2 (%3)</source>
        <translation>找不到 %1 的名称：%2（%3）</translation>
    </message>
    <message>
        <source>1 interface</source>
        <translation>1 个网络接口</translation>
    </message>
    <message>
        <source>%1 interfaces</source>
        <translation>%1 个网络接口</translation>
    </message>
</context>
<context>
    <name>HttpRequestParser</name>
    <message>
        <source>The request line and header fields are longer than %1 bytes</source>
        <translation>请求行和首部字段超过了 %1 字节</translation>
    </message>
    <message>
        <source>The request line is not &quot;METHOD target HTTP/x.y&quot;</source>
        <translation>请求行不是“METHOD target HTTP/x.y”的形式</translation>
    </message>
    <message>
        <source>The method is not a valid token</source>
        <translation>方法名不是合法的 token</translation>
    </message>
    <message>
        <source>The request target is empty or holds spaces or control characters</source>
        <translation>请求目标为空，或含有空格或控制字符</translation>
    </message>
    <message>
        <source>The protocol version is not &quot;HTTP/x.y&quot;</source>
        <translation>协议版本不是“HTTP/x.y”的形式</translation>
    </message>
    <message>
        <source>Only HTTP/1.0 and HTTP/1.1 are spoken here</source>
        <translation>这里只支持 HTTP/1.0 和 HTTP/1.1</translation>
    </message>
    <message>
        <source>The request target does not start with &quot;/&quot;</source>
        <translation>请求目标不是以“/”开头</translation>
    </message>
    <message>
        <source>A header field is continued on the next line (obsolete line folding)</source>
        <translation>首部字段续写到了下一行（已废弃的折行写法）</translation>
    </message>
    <message>
        <source>Header field %1 is not &quot;Name: value&quot;</source>
        <translation>第 %1 个首部字段不是“Name: value”的形式</translation>
    </message>
    <message>
        <source>Header field %1 holds control characters</source>
        <translation>第 %1 个首部字段含有控制字符</translation>
    </message>
    <message>
        <source>Content-Length is given twice with different values</source>
        <translation>Content-Length 出现了两次，且值不同</translation>
    </message>
    <message>
        <source>More than one Host header field</source>
        <translation>Host 首部字段不止一个</translation>
    </message>
    <message>
        <source>An HTTP/1.1 request needs a Host header field</source>
        <translation>HTTP/1.1 请求必须带有 Host 首部字段</translation>
    </message>
    <message>
        <source>Both Transfer-Encoding and Content-Length are given</source>
        <translation>同时给出了 Transfer-Encoding 和 Content-Length</translation>
    </message>
    <message>
        <source>Request bodies with a Transfer-Encoding are not supported</source>
        <translation>不支持带 Transfer-Encoding 的请求正文</translation>
    </message>
    <message>
        <source>Content-Length is not a number</source>
        <translation>Content-Length 不是数字</translation>
    </message>
</context>
<context>
    <name>HttpResponseParser</name>
    <message>
        <source>a space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>the line end</source>
        <translation>行尾</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>until close</source>
        <translation>直到连接关闭</translation>
    </message>
    <message>
        <source>HTTP/0.9 (until close)</source>
        <translation>HTTP/0.9（直到连接关闭）</translation>
    </message>
    <message>
        <source>Lines end with a bare LF (first at byte %1); HTTP wants CRLF, but they are accepted.</source>
        <translation>行以单独的 LF 结尾（首次出现在字节 %1 处）；HTTP 要求 CRLF，但这里仍然接受。</translation>
    </message>
    <message>
        <source>The chunk data must be followed by CRLF but %1 came at byte %2.</source>
        <translation>块数据之后必须跟 CRLF，但在字节 %2 处出现的是 %1。</translation>
    </message>
    <message>
        <source>The server closed the connection at byte 0 without sending a response.</source>
        <translation>服务器在字节 0 处关闭了连接，没有发送任何响应。</translation>
    </message>
    <message>
        <source>The server closed the connection at byte %1 after %2 interim (1xx) responses without sending the final one.</source>
        <translation>服务器在字节 %1 处关闭了连接：之前发送了 %2 个临时（1xx）响应，却没有发送最终响应。</translation>
    </message>
    <message>
        <source>The connection closed in the middle of the response head at byte %1.</source>
        <translation>连接在响应头的中途关闭了（在字节 %1 处）。</translation>
    </message>
    <message>
        <source>The body ended after %1 of the %2 bytes Content-Length announced (the connection closed at byte %3).</source>
        <translation>Content-Length 声明了 %2 字节，但正文只收到 %1 字节就结束了（连接在字节 %3 处关闭）。</translation>
    </message>
    <message>
        <source>The chunked body was cut short at byte %1: the connection closed in a chunk-size line.</source>
        <translation>分块正文在字节 %1 处被截断：连接在块大小行中关闭了。</translation>
    </message>
    <message>
        <source>The chunked body was cut short at byte %1: the connection closed %2 bytes before the end of a chunk.</source>
        <translation>分块正文在字节 %1 处被截断：连接在一个块结束前 %2 字节处关闭了。</translation>
    </message>
    <message>
        <source>The chunked body was cut short at byte %1: the connection closed before the CRLF after a chunk.</source>
        <translation>分块正文在字节 %1 处被截断：连接在块之后的 CRLF 之前关闭了。</translation>
    </message>
    <message>
        <source>The chunked body was cut short at byte %1: the connection closed in the trailer section.</source>
        <translation>分块正文在字节 %1 处被截断：连接在尾部（trailer）中关闭了。</translation>
    </message>
    <message>
        <source>The trailer section is longer than the limit of %1 bytes at byte %2.</source>
        <translation>尾部（trailer）超过了 %1 字节的上限（在字节 %2 处）。</translation>
    </message>
    <message>
        <source>The chunk-size line is longer than the limit of %1 bytes at byte %2.</source>
        <translation>块大小行超过了 %1 字节的上限（在字节 %2 处）。</translation>
    </message>
    <message>
        <source>The response head is longer than the limit of %1 bytes at byte %2.</source>
        <translation>响应头超过了 %1 字节的上限（在字节 %2 处）。</translation>
    </message>
    <message>
        <source>The CR at byte %1 is not followed by LF.</source>
        <translation>字节 %1 处的 CR 后面没有跟 LF。</translation>
    </message>
    <message>
        <source>The status line must start with &quot;HTTP/&quot; but has %1 at byte %2.</source>
        <translation>状态行必须以“HTTP/”开头，但在字节 %2 处是 %1。</translation>
    </message>
    <message>
        <source>The HTTP version must be a digit, a dot and a digit, but %1 came at byte %2.</source>
        <translation>HTTP 版本必须是“数字.数字”的形式，但在字节 %2 处出现了 %1。</translation>
    </message>
    <message>
        <source>Expected a space after the HTTP version but found %1 at byte %2.</source>
        <translation>HTTP 版本之后应为空格，但在字节 %2 处遇到了 %1。</translation>
    </message>
    <message>
        <source>The status code must be three digits but %1 came at byte %2.</source>
        <translation>状态码必须是三位数字，但在字节 %2 处出现了 %1。</translation>
    </message>
    <message>
        <source>The status code %1 at byte %2 is outside 100 to 999.</source>
        <translation>字节 %2 处的状态码 %1 不在 100 到 999 之间。</translation>
    </message>
    <message>
        <source>Expected a space or the line end after the status code but found %1 at byte %2.</source>
        <translation>状态码之后应为空格或行尾，但在字节 %2 处遇到了 %1。</translation>
    </message>
    <message>
        <source>The reason phrase has the control character %1 at byte %2.</source>
        <translation>原因短语在字节 %2 处含有控制字符 %1。</translation>
    </message>
    <message>
        <source>The trailer line at byte %1 starts with whitespace but there is no field before it to continue.</source>
        <translation>字节 %1 处的尾部（trailer）行以空白开头，但它前面没有可以续写的字段。</translation>
    </message>
    <message>
        <source>The header line at byte %1 starts with whitespace but there is no field before it to continue.</source>
        <translation>字节 %1 处的首部行以空白开头，但它前面没有可以续写的字段。</translation>
    </message>
    <message>
        <source>The field value has the control character %1 at byte %2.</source>
        <translation>字段值在字节 %2 处含有控制字符 %1。</translation>
    </message>
    <message>
        <source>A field value is folded onto the next line (obsolete line folding, first at byte %1); the lines are joined with one space.</source>
        <translation>有字段值折到了下一行（已废弃的折行写法，首次出现在字节 %1 处）；这些行已用一个空格连接起来。</translation>
    </message>
    <message>
        <source>The response has more than %1 trailer fields at byte %2.</source>
        <translation>响应的尾部（trailer）字段超过了 %1 个（在字节 %2 处）。</translation>
    </message>
    <message>
        <source>The response has more than %1 header fields at byte %2.</source>
        <translation>响应的首部字段超过了 %1 个（在字节 %2 处）。</translation>
    </message>
    <message>
        <source>The trailer line at byte %1 has no colon.</source>
        <translation>字节 %1 处的尾部（trailer）行没有冒号。</translation>
    </message>
    <message>
        <source>The header line at byte %1 has no colon.</source>
        <translation>字节 %1 处的首部行没有冒号。</translation>
    </message>
    <message>
        <source>The field at byte %1 has an empty name.</source>
        <translation>字节 %1 处的字段名为空。</translation>
    </message>
    <message>
        <source>Whitespace between the field name and the colon at byte %1 is not allowed.</source>
        <translation>字节 %1 处：字段名和冒号之间不允许有空白。</translation>
    </message>
    <message>
        <source>The field name has %1, which a name may not hold, at byte %2.</source>
        <translation>字段名在字节 %2 处含有不允许出现在名称中的 %1。</translation>
    </message>
    <message>
        <source>More than %1 interim (1xx) responses came; the one at byte %2 is one too many.</source>
        <translation>临时（1xx）响应超过了 %1 个；字节 %2 处的那个是多出来的。</translation>
    </message>
    <message>
        <source>Fields sent more than once: %1.</source>
        <translation>重复发送的字段：%1。</translation>
    </message>
    <message>
        <source>An empty Transfer-Encoding field is ignored.</source>
        <translation>空的 Transfer-Encoding 字段已被忽略。</translation>
    </message>
    <message>
        <source>The body is encoded with %1, which is not decoded here: the body bytes are shown as sent.</source>
        <translation>正文使用了 %1 编码，这里不做解码：正文字节按收到的原样显示。</translation>
    </message>
    <message>
        <source>The response has both Transfer-Encoding: chunked and Content-Length; chunked framing wins and Content-Length is ignored.</source>
        <translation>响应同时带有 Transfer-Encoding: chunked 和 Content-Length；以分块方式为准，忽略 Content-Length。</translation>
    </message>
    <message>
        <source>Transfer-Encoding does not end with chunked, so the body is read until the server closes the connection.</source>
        <translation>Transfer-Encoding 的最后一项不是 chunked，因此会一直读取正文，直到服务器关闭连接。</translation>
    </message>
    <message>
        <source>Content-Length is ignored because Transfer-Encoding is present.</source>
        <translation>由于存在 Transfer-Encoding，Content-Length 被忽略。</translation>
    </message>
    <message>
        <source>The Content-Length value is empty at byte %1.</source>
        <translation>字节 %1 处的 Content-Length 值为空。</translation>
    </message>
    <message>
        <source>Content-Length may only hold digits but has %1 at byte %2.</source>
        <translation>Content-Length 只能包含数字，但在字节 %2 处有 %1。</translation>
    </message>
    <message>
        <source>Content-Length %1 at byte %2 is larger than the limit of %3 bytes.</source>
        <translation>字节 %2 处的 Content-Length %1 超过了 %3 字节的上限。</translation>
    </message>
    <message>
        <source>Content-Length values disagree (%1 and %2) at byte %3.</source>
        <translation>Content-Length 的值不一致（%1 和 %2），在字节 %3 处。</translation>
    </message>
    <message>
        <source>Content-Length is sent %1 times with the same value.</source>
        <translation>Content-Length 以相同的值发送了 %1 次。</translation>
    </message>
    <message>
        <source>Expected a hexadecimal chunk size but found %1 at byte %2.</source>
        <translation>应为十六进制的块大小，但在字节 %2 处遇到了 %1。</translation>
    </message>
    <message>
        <source>The chunk size has more than 15 hexadecimal digits at byte %1.</source>
        <translation>字节 %1 处的块大小超过了 15 位十六进制数字。</translation>
    </message>
    <message>
        <source>The chunk size %1 at byte %2 is larger than the limit of %3 bytes.</source>
        <translation>字节 %2 处的块大小 %1 超过了 %3 字节的上限。</translation>
    </message>
    <message>
        <source>Expected &apos;;&apos;, whitespace or the line end after the chunk size but found %1 at byte %2.</source>
        <translation>块大小之后应为 &apos;;&apos;、空白或行尾，但在字节 %2 处遇到了 %1。</translation>
    </message>
    <message>
        <source>The chunk extension has the control character %1 at byte %2.</source>
        <translation>块扩展在字节 %2 处含有控制字符 %1。</translation>
    </message>
</context>
<context>
    <name>HttpTarget</name>
    <message>
        <source>1 byte of the path percent-encoded</source>
        <translation>路径中有 1 个字节做了百分号编码</translation>
    </message>
    <message>
        <source>%1 bytes of the path percent-encoded</source>
        <translation>路径中有 %1 个字节做了百分号编码</translation>
    </message>
    <message>
        <source> (spaces, quotes, control characters and non-ASCII letters cannot go into a request line as they are).</source>
        <translation> （空格、引号、控制字符和非 ASCII 字母不能原样放进请求行）。</translation>
    </message>
    <message>
        <source>Type a URL such as http://127.0.0.1:8080/.</source>
        <translation>请输入 URL，例如 http://127.0.0.1:8080/。</translation>
    </message>
    <message>
        <source>Unknown scheme &apos;%1&apos;: only http:// and https:// URLs can be fetched here.</source>
        <translation>未知的 URL 方案 &apos;%1&apos;：这里只能获取 http:// 和 https:// 开头的 URL。</translation>
    </message>
    <message>
        <source>No scheme given: using http://.</source>
        <translation>没有给出方案：按 http:// 处理。</translation>
    </message>
    <message>
        <source>User names and passwords in a URL (user@host) are not supported here.</source>
        <translation>这里不支持在 URL 中写用户名和密码（user@host）。</translation>
    </message>
    <message>
        <source>The IPv6 address has no closing &apos;]&apos;.</source>
        <translation>IPv6 地址缺少右方括号 &apos;]&apos;。</translation>
    </message>
    <message>
        <source>After the &apos;]&apos; of an IPv6 address comes &apos;:&apos; and the port, or nothing.</source>
        <translation>IPv6 地址的 &apos;]&apos; 之后只能是 &apos;:&apos; 加端口，或者什么都不写。</translation>
    </message>
    <message>
        <source>Write an IPv6 address in brackets: http://[::1]:8080/.</source>
        <translation>IPv6 地址要写在方括号里：http://[::1]:8080/。</translation>
    </message>
    <message>
        <source>The URL has no host: write it after the scheme, as in http://127.0.0.1:8080/.</source>
        <translation>URL 中没有主机：请把主机写在方案之后，例如 http://127.0.0.1:8080/。</translation>
    </message>
    <message>
        <source>The fragment &apos;%1&apos; is not sent: it is for the browser only.</source>
        <translation>片段 &apos;%1&apos; 不会被发送：它只供浏览器使用。</translation>
    </message>
    <message>
        <source>The path field takes only the path, such as /index.html: put a whole URL in the URL field.</source>
        <translation>路径字段只接受路径，例如 /index.html；完整的 URL 请填在 URL 字段中。</translation>
    </message>
    <message>
        <source>A path starts with &apos;/&apos;: sending /%1.</source>
        <translation>路径以 &apos;/&apos; 开头：将发送 /%1。</translation>
    </message>
    <message>
        <source>The Location field is empty.</source>
        <translation>Location 字段为空。</translation>
    </message>
    <message>
        <source>The Location &apos;%1&apos; is not an http:// or https:// URL.</source>
        <translation>Location &apos;%1&apos; 不是 http:// 或 https:// 开头的 URL。</translation>
    </message>
    <message>
        <source>Header line %1: %2</source>
        <translation>首部第 %1 行：%2</translation>
    </message>
    <message>
        <source>write it as &apos;Name: value&apos;.</source>
        <translation>请写成 &apos;Name: value&apos; 的形式。</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; may hold letters, digits and !#$%&amp;&apos;*+-.^_`|~ only (no spaces).</source>
        <translation>名称 &apos;%1&apos; 只能包含字母、数字和 !#$%&amp;&apos;*+-.^_`|~（不能有空格）。</translation>
    </message>
    <message>
        <source>the value holds &apos;%1&apos;, which is not Latin-1; write it percent-encoded.</source>
        <translation>值中含有 &apos;%1&apos;，它不是 Latin-1 字符；请改用百分号编码。</translation>
    </message>
    <message>
        <source>the value holds a control character.</source>
        <translation>值中含有控制字符。</translation>
    </message>
    <message>
        <source>The raw request is empty: write at least a request line.</source>
        <translation>原始请求为空：至少要写一行请求行。</translation>
    </message>
</context>
<context>
    <name>HttpTimings</name>
    <message>
        <source>Resolve</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
</context>
<context>
    <name>PayloadCodec</name>
    <message>
        <source>Lone backslash at the end (character %1); write \\ for a backslash</source>
        <translation>末尾有一个单独的反斜杠（第 %1 个字符）；要表示反斜杠本身，请写 \\</translation>
    </message>
    <message>
        <source>Escape \x at character %1 needs exactly two hex digits after it, as in \x0a or \xff</source>
        <translation>第 %1 个字符处的转义 \x 后面必须正好跟两位十六进制数字，例如 \x0a 或 \xff</translation>
    </message>
    <message>
        <source>Unknown escape \%1 at character %2; use \r \n \t \\ \0 or \xNN</source>
        <translation>第 %2 个字符处的转义 \%1 无法识别；请使用 \r \n \t \\ \0 或 \xNN</translation>
    </message>
    <message>
        <source>Unknown escape at character %1: a backslash followed by %2; use \r \n \t \\ \0 or \xNN</source>
        <translation>第 %1 个字符处的转义无法识别：反斜杠后面跟的是 %2；请使用 \r \n \t \\ \0 或 \xNN</translation>
    </message>
    <message>
        <source>Hex digit &apos;%1&apos; at character %2 stands alone: each byte needs two hex digits (write 0%1 for a single digit)</source>
        <translation>第 %2 个字符处的十六进制数字 &apos;%1&apos; 是单独的：每个字节需要两位十六进制数字（只有一位时请写成 0%1）</translation>
    </message>
    <message>
        <source>Prefix 0x at character %1 must be followed by two hex digits, as in 0x4f</source>
        <translation>第 %1 个字符处的前缀 0x 后面必须跟两位十六进制数字，例如 0x4f</translation>
    </message>
    <message>
        <source>%1 at character %2 is not a hex digit; use 0-9 and a-f, optionally separated by spaces, colons, commas or dashes</source>
        <translation>第 %2 个字符处的 %1 不是十六进制数字；请使用 0-9 和 a-f，可以用空格、冒号、逗号或短横线分隔</translation>
    </message>
</context>
<context>
    <name>ServiceCatalog</name>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>Protocol %1 must be written in lower case, %2, as /etc/services writes it</source>
        <translation>协议 %1 必须写成小写的 %2，与 /etc/services 中的写法一致</translation>
    </message>
    <message>
        <source>Protocol %1 is not tcp or udp; leave it empty for either</source>
        <translation>协议 %1 不是 tcp 或 udp；留空则两者皆可</translation>
    </message>
    <message>
        <source>Service is empty; type a name such as http or a port number such as 80</source>
        <translation>服务为空；请输入名称（如 http）或端口号（如 80）</translation>
    </message>
    <message>
        <source>Service must not contain spaces or control characters (there is one at character %1)</source>
        <translation>服务中不能包含空格或控制字符（第 %1 个字符就是）</translation>
    </message>
    <message>
        <source>Port %1 is negative: ports are 0 to 65535</source>
        <translation>端口 %1 是负数：端口范围是 0 到 65535</translation>
    </message>
    <message>
        <source>Port %1 is too large: ports are 0 to 65535</source>
        <translation>端口 %1 太大：端口范围是 0 到 65535</translation>
    </message>
    <message>
        <source>No service %1 for %2: %1 is %3/%4 only</source>
        <translation>%2 下没有服务 %1：%1 只有 %3/%4</translation>
    </message>
    <message>
        <source>No service %1; names are case-sensitive: did you mean %2?</source>
        <translation>没有服务 %1；名称区分大小写：你是不是想输入 %2？</translation>
    </message>
    <message>
        <source>No service %1 in %2 or IANA&apos;s registry; did you mean %3?</source>
        <translation>%2 和 IANA 注册表中都没有服务 %1；你是不是想输入 %3？</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>No service %1 in %2 or IANA&apos;s registry; type a port number or a name such as http</source>
        <translation>%2 和 IANA 注册表中都没有服务 %1；请输入端口号，或 http 这样的名称</translation>
    </message>
    <message>
        <source>This system has no %1, so getservbyname() and getservbyport() know no services here; the bundled IANA table still answers.</source>
        <translation>本系统没有 %1，因此 getservbyname() 和 getservbyport() 在这里查不到任何服务；内置的 IANA 表仍然可以回答。</translation>
    </message>
    <message>
        <source>No protocol given: the %1 entry wins (the first match in %2), as %3 shows.</source>
        <translation>未指定协议：采用 %1 的条目（%2 中的第一个匹配项），正如 %3 所显示的。</translation>
    </message>
    <message>
        <source>No protocol given: the first matching line of %1 is taken (%2), as %3 shows.</source>
        <translation>未指定协议：采用 %1 中第一个匹配的行（%2），正如 %3 所显示的。</translation>
    </message>
    <message>
        <source>Port %1 means %2 on both tcp and udp.</source>
        <translation>端口 %1 在 tcp 和 udp 上都表示 %2。</translation>
    </message>
    <message>
        <source>Port %1 means %2 on tcp but %3 on udp: the same number can name different services per protocol.</source>
        <translation>端口 %1 在 tcp 上表示 %2，在 udp 上却表示 %3：同一个端口号在不同协议下可以对应不同的服务。</translation>
    </message>
    <message>
        <source>Port %1 is listed for %2 only in %3 (%4).</source>
        <translation>在 %3 中，端口 %1 只列出了 %2（%4）。</translation>
    </message>
    <message>
        <source>Port %1 is not in this system&apos;s %2: getservbyport() fails (Python: OSError: port/proto not found).</source>
        <translation>端口 %1 不在本系统的 %2 中：getservbyport() 会失败（Python：OSError: port/proto not found）。</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>IANA: port %1 is %2.</source>
        <translation>IANA：端口 %1 是 %2。</translation>
    </message>
    <message>
        <source>IANA never assigns ports 49152-65535 (the dynamic or private range): any program may use them.</source>
        <translation>IANA 从不分配 49152-65535 的端口（动态或私有端口范围）：任何程序都可以使用它们。</translation>
    </message>
    <message>
        <source>IANA&apos;s registry names no service on port %1%2 (unassigned or reserved).</source>
        <translation>IANA 注册表中没有端口 %1%2 的服务（未分配或已保留）。</translation>
    </message>
    <message>
        <source>Not in this system&apos;s %1 but in IANA&apos;s registry.</source>
        <translation>不在本系统的 %1 中，但在 IANA 注册表中。</translation>
    </message>
    <message>
        <source>Port 0 is reserved: a server that binds to port 0 asks the system for any free port.</source>
        <translation>端口 0 是保留端口：服务器绑定到端口 0，就是请系统任选一个空闲端口。</translation>
    </message>
    <message>
        <source>Ports below 1024 are well-known ports: on Linux a server normally needs root rights to use one.</source>
        <translation>1024 以下的端口是知名端口：在 Linux 上，服务器通常需要 root 权限才能使用。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is an alias of %2: getservbyport(%3, &apos;%4&apos;) answers with the official name, %2.</source>
        <translation>&apos;%1&apos; 是 %2 的别名：getservbyport(%3, &apos;%4&apos;) 返回的是正式名称 %2。</translation>
    </message>
    <message>
        <source>The C library answered from a source other than %1 (see services: in /etc/nsswitch.conf).</source>
        <translation>C 库的答案来自 %1 以外的来源（参见 /etc/nsswitch.conf 中的 services: 一行）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; means %2 %3/tcp but %4 %5/udp: which service you get depends on the protocol.</source>
        <translation>&apos;%1&apos; 对应 %2 %3/tcp，但又对应 %4 %5/udp：你得到哪个服务取决于协议。</translation>
    </message>
    <message>
        <source>%1 is port %2 on both tcp and udp.</source>
        <translation>%1 在 tcp 和 udp 上都是端口 %2。</translation>
    </message>
    <message>
        <source>%1 is port %2 on tcp but port %3 on udp.</source>
        <translation>%1 在 tcp 上是端口 %2，在 udp 上却是端口 %3。</translation>
    </message>
    <message>
        <source>%1 is listed for %2 only in %3: getservbyname(&apos;%1&apos;, &apos;%4&apos;) fails.</source>
        <translation>在 %3 中，%1 只列出了 %2：getservbyname(&apos;%1&apos;, &apos;%4&apos;) 会失败。</translation>
    </message>
    <message>
        <source>Not in this system&apos;s %1 but in IANA&apos;s registry: getservbyname() fails here (Python: OSError: service/proto not found); use the port number, %2.</source>
        <translation>不在本系统的 %1 中，但在 IANA 注册表中：getservbyname() 在这里会失败（Python：OSError: service/proto not found）；请使用端口号 %2。</translation>
    </message>
    <message>
        <source>In this system&apos;s %1 but not under this name in IANA&apos;s registry.</source>
        <translation>在本系统的 %1 中，但 IANA 注册表中没有这个名称。</translation>
    </message>
    <message>
        <source>IANA&apos;s name for port %1/%2 is %3.</source>
        <translation>IANA 为端口 %1/%2 注册的名称是 %3。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>IANA registers %1 on port %2; this system says %3.</source>
        <translation>IANA 把 %1 注册在端口 %2 上；本系统给出的是 %3。</translation>
    </message>
    <message>
        <source>IANA also registers %1 for %2.</source>
        <translation>IANA 还为 %2 注册了 %1。</translation>
    </message>
    <message>
        <source>IANA lists %1 on %2 ports: %3.</source>
        <translation>IANA 为 %1 列出了 %2 个端口：%3。</translation>
    </message>
</context>
<context>
    <name>StepExplanations</name>
    <message>
        <source>Looks up the port number of a service name (such as &quot;http&quot; or &quot;daytime&quot;) in this machine&apos;s service table, /etc/services. No packet is sent.</source>
        <translation>在本机的服务表 /etc/services 中查出服务名（如 “http” 或 “daytime”）对应的端口号。不发送任何数据包。</translation>
    </message>
    <message>
        <source>Turns a host name into the addresses to connect to, by asking /etc/hosts and then DNS (name resolution). A name can have several addresses, IPv4 and IPv6.</source>
        <translation>把主机名转换成可供连接的地址：先查 /etc/hosts，再查 DNS（即名称解析）。一个名字可以对应多个地址，IPv4 和 IPv6 都可能有。</translation>
    </message>
    <message>
        <source>Creates a socket: the program&apos;s end of a network conversation. AF_INET means IPv4, AF_INET6 IPv6; SOCK_STREAM means TCP (a reliable stream of bytes), SOCK_DGRAM UDP (separate datagrams). Nothing is sent yet.</source>
        <translation>创建一个套接字 (socket)：程序在网络对话中的那一端。AF_INET 表示 IPv4，AF_INET6 表示 IPv6；SOCK_STREAM 表示 TCP（可靠的字节流），SOCK_DGRAM 表示 UDP（一个个独立的数据报）。此时还没有发送任何数据。</translation>
    </message>
    <message>
        <source>Changes an option of the socket, which changes how the system treats it. Nothing is sent.</source>
        <translation>修改套接字的一个选项，从而改变系统对待它的方式。不发送任何数据。</translation>
    </message>
    <message>
        <source>Gives the socket its own address and port on this machine, so that what arrives there is delivered to it. A server binds the port clients will use; port 0 asks the system to choose a free one.</source>
        <translation>为套接字指定它在本机上的地址和端口，这样到达那里的数据就会交给它。服务器绑定的是客户端将要连接的端口；端口 0 表示让系统选一个空闲端口。</translation>
    </message>
    <message>
        <source>Turns a bound TCP socket into a listening socket: the system now answers connection requests (the handshake) on its port, and queues the finished connections until accept() takes them.</source>
        <translation>把已绑定的 TCP 套接字变成监听套接字：系统从此在它的端口上应答连接请求（即握手），并把已建立的连接放进队列，等待 accept() 取走。</translation>
    </message>
    <message>
        <source>Asks the socket for its own address and port on this machine. Nothing is sent.</source>
        <translation>查询套接字在本机上的地址和端口。不发送任何数据。</translation>
    </message>
    <message>
        <source>Asks a connected socket for the address and port of the other side. Nothing is sent.</source>
        <translation>查询已连接套接字的对端地址和端口。不发送任何数据。</translation>
    </message>
    <message>
        <source>For TCP, opens a connection to the address and port: this machine sends a SYN, the other side answers SYN-ACK, and this machine replies ACK (the three-way handshake). For UDP it only records the default destination; nothing is sent.</source>
        <translation>对 TCP 来说，它向该地址和端口发起连接：本机发送 SYN，对端回复 SYN-ACK，本机再回复 ACK（即三次握手）。对 UDP 来说，它只记下默认的目的地址，不发送任何数据。</translation>
    </message>
    <message>
        <source>Takes the next client whose connection has been made from the listening socket&apos;s queue, and gives a new socket just for talking to that client. The listening socket keeps waiting for others.</source>
        <translation>从监听套接字的队列中取出下一个已建立连接的客户端，并返回一个专门用来与该客户端通信的新套接字。监听套接字继续等待其他客户端。</translation>
    </message>
    <message>
        <source>Hands bytes to the system to send on a connected socket. The system copies them into the socket&apos;s send buffer and sends them when it can; send() returns how many it took.</source>
        <translation>把字节交给系统，通过已连接的套接字发送。系统把它们复制到套接字的发送缓冲区，在能发送时发出；send() 返回系统收下了多少字节。</translation>
    </message>
    <message>
        <source>Sends one UDP datagram to the address and port given with it. UDP has no connection: each datagram travels alone, whole or not at all, and may be lost without anyone being told.</source>
        <translation>向随调用给出的地址和端口发送一个 UDP 数据报。UDP 没有连接：每个数据报单独传送，要么完整到达，要么根本不到，丢失了也不会通知任何人。</translation>
    </message>
    <message>
        <source>Takes bytes that have arrived from the socket&apos;s receive buffer (waiting until some come). TCP is a stream: one recv() may return part of what the other side sent, or several sends joined together. 0 bytes means the other side will send nothing more.</source>
        <translation>从套接字的接收缓冲区取出已到达的字节（如果还没有，就一直等待）。TCP 是字节流：一次 recv() 可能只返回对端所发内容的一部分，也可能返回几次发送拼在一起的内容。返回 0 字节表示对端不会再发送任何数据。</translation>
    </message>
    <message>
        <source>Takes one UDP datagram that has arrived, together with the address and port of its sender. Each call returns exactly one datagram, never part of two.</source>
        <translation>取出一个已到达的 UDP 数据报，同时得到发送方的地址和端口。每次调用恰好返回一个数据报，绝不会把两个数据报的内容混在一起。</translation>
    </message>
    <message>
        <source>Reads bytes from an encrypted (TLS) connection: the encrypted bytes are received from the socket and decrypted, and the readable text is returned.</source>
        <translation>从加密（TLS）连接读取字节：从套接字接收加密的字节并解密，返回可读的明文。</translation>
    </message>
    <message>
        <source>Writes bytes to an encrypted (TLS) connection: they are encrypted, then sent on the socket.</source>
        <translation>向加密（TLS）连接写入字节：先加密，再通过套接字发送。</translation>
    </message>
    <message>
        <source>Closes one direction of a TCP connection. SHUT_WR means: this side will send nothing more. The other side then reads the end (recv() returns 0), but this side can still receive its answer.</source>
        <translation>关闭 TCP 连接的一个方向。SHUT_WR 表示：本端不再发送任何数据。对端随后会读到结束（recv() 返回 0），但本端仍然可以接收对端的回复。</translation>
    </message>
    <message>
        <source>Closes the socket and frees its number. For TCP the other side is told (a FIN): nothing more can be sent or received on this socket.</source>
        <translation>关闭套接字并释放它的编号。对 TCP 来说，对端会收到通知（FIN）：此后这个套接字上不能再发送或接收任何数据。</translation>
    </message>
    <message>
        <source>Reads an option of the socket. SO_ERROR reads (and clears) an error the system has noted for the socket but not yet reported, such as an ICMP port-unreachable for a UDP datagram.</source>
        <translation>读取套接字的一个选项。SO_ERROR 读取（并清除）系统已为该套接字记下、但尚未报告的错误，例如某个 UDP 数据报引来的 ICMP 端口不可达。</translation>
    </message>
    <message>
        <source>Starts encryption (TLS, the S in HTTPS) on a connected TCP socket: client and server agree on how to encrypt, and the server proves who it is with its certificate.</source>
        <translation>在已连接的 TCP 套接字上启用加密（TLS，即 HTTPS 中的 S）：客户端和服务器商定加密方式，服务器用它的证书证明自己的身份。</translation>
    </message>
    <message>
        <source>Not a socket call: Socket Workbench reads the received bytes as an HTTP response (status line, headers, body) and checks they follow the rules of HTTP.</source>
        <translation>这不是套接字调用：Socket Workbench 把收到的字节当作 HTTP 响应（状态行、首部、正文）来解读，并检查它们是否符合 HTTP 的规则。</translation>
    </message>
    <message>
        <source>Not a socket call: the lab server was asked to be lossy, so it threw this datagram away on purpose, as a busy network might. UDP does not notice and does not send it again.</source>
        <translation>这不是套接字调用：实验室服务器被设置为会丢包，所以它故意丢弃了这个数据报，就像繁忙的网络可能做的那样。UDP 不会察觉，也不会重发。</translation>
    </message>
    <message>
        <source>The older way to look up a name (before getaddrinfo): it returns the official name, its aliases and its IPv4 addresses.</source>
        <translation>查询名字的旧方法（在 getaddrinfo 出现之前）：返回正式名称、别名和 IPv4 地址。</translation>
    </message>
    <message>
        <source>The older way to turn an address back into a name (a reverse lookup): it returns the name, its aliases and addresses.</source>
        <translation>把地址转换回名字的旧方法（即反向查询）：返回名字、别名和地址。</translation>
    </message>
    <message>
        <source>Turns an address back into a host name (a reverse lookup), asking /etc/hosts and then DNS for the address&apos;s PTR entry.</source>
        <translation>把地址转换回主机名（即反向查询）：先查 /etc/hosts，再向 DNS 查询该地址的 PTR 记录。</translation>
    </message>
    <message>
        <source>Asks for this machine&apos;s own name, as it is set on this machine. Nothing is sent.</source>
        <translation>查询本机的名字，即本机上设置的主机名。不发送任何数据。</translation>
    </message>
    <message>
        <source>Asks for this machine&apos;s fully qualified domain name (the name with its domain, such as pc.example.org), looked up from its short name.</source>
        <translation>查询本机的完全限定域名（带域名的完整名字，如 pc.example.org），由本机的短名字查询得到。</translation>
    </message>
    <message>
        <source>Lists this machine&apos;s network interfaces (loopback, Ethernet, Wi-Fi, ...) with their addresses. Nothing is sent.</source>
        <translation>列出本机的网络接口（回环、以太网、Wi-Fi 等）及其地址。不发送任何数据。</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS 握手</translation>
    </message>
    <message>
        <source>Reading the HTTP response</source>
        <translation>读取 HTTP 响应</translation>
    </message>
    <message>
        <source>Datagram dropped</source>
        <translation>数据报被丢弃</translation>
    </message>
    <message>
        <source>the other side</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>No answer to the connection request (SYN) came within the time limit: the connection was not made.</source>
        <translation>在时限内没有收到对连接请求（SYN）的回应：连接没有建立。</translation>
    </message>
    <message>
        <source>The name lookup (DNS) did not answer within the time limit.</source>
        <translation>名称查询（DNS）在时限内没有回应。</translation>
    </message>
    <message>
        <source>Nothing arrived within the time limit while waiting to receive.</source>
        <translation>等待接收时，在时限内没有收到任何数据。</translation>
    </message>
    <message>
        <source>The bytes could not be handed over within the time limit: the other side is not reading.</source>
        <translation>在时限内无法把这些字节交给系统：对端没有在读取数据。</translation>
    </message>
    <message>
        <source>The TLS handshake did not finish within the time limit.</source>
        <translation>TLS 握手没有在时限内完成。</translation>
    </message>
    <message>
        <source>It timed out: nothing happened within the time limit.</source>
        <translation>超时了：在时限内什么也没有发生。</translation>
    </message>
    <message>
        <source>The connection request (SYN) was answered at once with a reset (RST).</source>
        <translation>连接请求（SYN）立刻收到了重置（RST）作为回应。</translation>
    </message>
    <message>
        <source>An ICMP port-unreachable came back for an earlier datagram: the other machine answered that nothing listens on that UDP port.</source>
        <translation>之前发出的某个数据报引来了 ICMP 端口不可达：对方主机回应说，该 UDP 端口上没有程序在监听。</translation>
    </message>
    <message>
        <source>bind() could not give the socket that address and port.</source>
        <translation>bind() 无法把该地址和端口分配给这个套接字。</translation>
    </message>
    <message>
        <source>The bytes that came are not a valid HTTP response at this point (%1).</source>
        <translation>收到的字节在此处不是有效的 HTTP 响应（%1）。</translation>
    </message>
    <message>
        <source>The sending direction could not be closed.</source>
        <translation>无法关闭发送方向。</translation>
    </message>
    <message>
        <source>No client could be taken from the queue this time; the server keeps listening.</source>
        <translation>这次没能从队列中取出客户端；服务器继续监听。</translation>
    </message>
    <message>
        <source>The system refused to send: sending to a broadcast address is allowed only after setsockopt(SOL_SOCKET, SO_BROADCAST, 1).</source>
        <translation>系统拒绝发送：只有先调用 setsockopt(SOL_SOCKET, SO_BROADCAST, 1)，才允许向广播地址发送。</translation>
    </message>
    <message>
        <source>It reported: %1.</source>
        <translation>报告的错误：%1。</translation>
    </message>
    <message>
        <source>SO_REUSEADDR is on: the server may bind its port again at once, even while connections of an earlier run still linger in the TIME_WAIT state (which would otherwise give EADDRINUSE).</source>
        <translation>SO_REUSEADDR 已开启：服务器可以立即再次绑定它的端口，即使上一次运行的连接仍停留在 TIME_WAIT 状态（否则会得到 EADDRINUSE）。</translation>
    </message>
    <message>
        <source>SO_BROADCAST is on: this socket may now send datagrams to a broadcast address, which every machine on the local network receives.</source>
        <translation>SO_BROADCAST 已开启：这个套接字现在可以向广播地址发送数据报，本地网络上的每台机器都会收到。</translation>
    </message>
    <message>
        <source>The multicast time to live is set to %1: how many routers a multicast datagram may cross (1: it stays on the local network).</source>
        <translation>组播 TTL 已设为 %1：即组播数据报最多可以经过多少个路由器（1 表示只留在本地网络）。</translation>
    </message>
    <message>
        <source>Multicast loopback is set: whether this machine also receives the multicast datagrams it sends itself.</source>
        <translation>已设置组播回环：即本机是否也接收自己发出的组播数据报。</translation>
    </message>
    <message>
        <source>The socket joined the multicast group: datagrams sent to the group&apos;s address now reach it.</source>
        <translation>套接字已加入组播组：发往该组地址的数据报现在会到达它。</translation>
    </message>
    <message>
        <source>Multicast datagrams now leave through the interface given.</source>
        <translation>组播数据报现在从指定的网络接口发出。</translation>
    </message>
    <message>
        <source>The option is set.</source>
        <translation>选项已设置。</translation>
    </message>
    <message>
        <source>The name has one address: %1.</source>
        <translation>这个名字有一个地址：%1。</translation>
    </message>
    <message>
        <source>The name has %1 addresses: %2.</source>
        <translation>这个名字有 %1 个地址：%2。</translation>
    </message>
    <message>
        <source>UDP uses the first one.</source>
        <translation>UDP 使用第一个地址。</translation>
    </message>
    <message>
        <source>A TCP client tries them in this order until one answers (IPv4 and IPv6 may both appear).</source>
        <translation>TCP 客户端按此顺序逐个尝试，直到有一个回应（IPv4 和 IPv6 地址可能同时出现）。</translation>
    </message>
    <message>
        <source>The socket has its address. Port 0 asked the system to pick a free port: getsockname() tells which.</source>
        <translation>套接字已获得地址。端口 0 表示让系统选一个空闲端口：用 getsockname() 可以查到是哪一个。</translation>
    </message>
    <message>
        <source>The socket now owns the address and port %1: what arrives there is delivered to it.</source>
        <translation>套接字现在拥有地址和端口 %1：到达那里的数据都会交给它。</translation>
    </message>
    <message>
        <source>Nothing was sent: a UDP connect() only records the destination. From now on send() goes to %1, and the system keeps only datagrams that come from there.</source>
        <translation>没有发送任何数据：UDP 的 connect() 只记下目的地址。从现在起，send() 发往 %1，系统也只保留从那里发来的数据报。</translation>
    </message>
    <message>
        <source>The three-way handshake finished (SYN, SYN-ACK, ACK): the connection to %1 is open and both sides may send.</source>
        <translation>三次握手已完成（SYN、SYN-ACK、ACK）：到 %1 的连接已打开，双方都可以发送数据。</translation>
    </message>
    <message>
        <source>A client connected from %1 (its address and the port its system picked). The new socket fd %2 is just for this client.</source>
        <translation>一个客户端从 %1 连接进来（这是它的地址和它的系统选定的端口）。新的套接字 fd %2 专门为这个客户端服务。</translation>
    </message>
    <message>
        <source>%1 were encrypted and sent.</source>
        <translation>%1 已加密并发送。</translation>
    </message>
    <message>
        <source>The system took %1 into the send buffer; it sends them when it can.</source>
        <translation>系统已把 %1 放入发送缓冲区，会在能发送时发出。</translation>
    </message>
    <message>
        <source>Only part of the %1 was taken: the rest is sent next.</source>
        <translation>%1 中只有一部分被系统收下：其余部分接下来再发送。</translation>
    </message>
    <message>
        <source>One datagram of %1 went to the broadcast address %2: every machine on the local network receives it (which needs SO_BROADCAST).</source>
        <translation>一个 %1 的数据报已发往广播地址 %2：本地网络上的每台机器都会收到它（这需要 SO_BROADCAST）。</translation>
    </message>
    <message>
        <source>One datagram of %1 went to the multicast group %2: every machine that joined the group receives it.</source>
        <translation>一个 %1 的数据报已发往组播组 %2：每台加入该组的机器都会收到它。</translation>
    </message>
    <message>
        <source>One datagram of %1 went to %2. Whether it arrives, UDP does not say: only a reply tells.</source>
        <translation>一个 %1 的数据报已发往 %2。它是否到达，UDP 不会告诉你：只有收到回复才能知道。</translation>
    </message>
    <message>
        <source>0 bytes: the other side closed its sending direction (end of file). Nothing more will come on this connection.</source>
        <translation>0 字节：对端已关闭它的发送方向（文件结束）。这个连接上不会再有数据到来。</translation>
    </message>
    <message>
        <source>One whole datagram of %1; its sender is %2.</source>
        <translation>一个完整的 %1 数据报；发送方是 %2。</translation>
    </message>
    <message>
        <source>One whole datagram of %1 from %2.</source>
        <translation>一个来自 %2 的完整 %1 数据报。</translation>
    </message>
    <message>
        <source>%1 arrived and were decrypted. Like TCP, this may be part of what the server sent.</source>
        <translation>%1 已到达并解密。和 TCP 一样，这可能只是服务器所发内容的一部分。</translation>
    </message>
    <message>
        <source>%1 arrived. TCP is a stream: this may be part of what the other side sent, or several of its sends together.</source>
        <translation>%1 已到达。TCP 是字节流：这可能只是对端所发内容的一部分，也可能是它几次发送拼在一起的内容。</translation>
    </message>
    <message>
        <source>It was larger than the buffer, so it was cut: the rest of the datagram is lost (UDP never returns it later).</source>
        <translation>数据报比缓冲区大，因此被截断：数据报的其余部分丢失了（UDP 以后也不会再返回它）。</translation>
    </message>
    <message>
        <source>The server is closing this client, so it threw these bytes away.</source>
        <translation>服务器正在关闭这个客户端，所以丢弃了这些字节。</translation>
    </message>
    <message>
        <source>The server already had its maximum number of clients, so it closed this one at once.</source>
        <translation>服务器的客户端数量已达上限，所以立即关闭了这个客户端。</translation>
    </message>
    <message>
        <source>The server stopped listening: new clients are now refused.</source>
        <translation>服务器已停止监听：新的客户端现在会被拒绝。</translation>
    </message>
    <message>
        <source>The socket is closed: nothing more can be sent or received on it.</source>
        <translation>套接字已关闭：不能再在它上面发送或接收任何数据。</translation>
    </message>
    <message>
        <source>Why: %1.</source>
        <translation>原因：%1。</translation>
    </message>
    <message>
        <source>The service table does not list this name: the well-known port %1 is used instead.</source>
        <translation>服务表中没有这个名字：改用知名端口 %1。</translation>
    </message>
    <message>
        <source>The service table gives port %1 for this name.</source>
        <translation>服务表给出这个名字的端口是 %1。</translation>
    </message>
    <message>
        <source>The socket exists and has the number %1 (a file descriptor): every later call names the socket by this number.</source>
        <translation>套接字已创建，编号为 %1（一个文件描述符）：之后的每次调用都用这个编号来指明该套接字。</translation>
    </message>
    <message>
        <source>A socket of this kind can be made: this machine supports it.</source>
        <translation>可以创建这种套接字：本机支持它。</translation>
    </message>
    <message>
        <source>The socket is listening. The backlog %1 is how many finished connections may wait for accept() at once; when the queue is full, new ones wait or are refused.</source>
        <translation>套接字正在监听。backlog %1 表示最多可以有多少个已建立的连接同时等待 accept()；队列满时，新连接只能等待或被拒绝。</translation>
    </message>
    <message>
        <source>This socket&apos;s own address and port: %1. Unless the program bound a port itself, the port was picked by the system (an ephemeral port).</source>
        <translation>这个套接字自己的地址和端口：%1。除非程序自己绑定了端口，否则端口是由系统选定的（临时端口）。</translation>
    </message>
    <message>
        <source>The other side&apos;s address and port: %1.</source>
        <translation>对端的地址和端口：%1。</translation>
    </message>
    <message>
        <source>This side will send nothing more: the other side&apos;s recv() now returns 0 (end of file), and this side can still receive the answer.</source>
        <translation>本端不再发送任何数据：对端的 recv() 现在会返回 0（文件结束），而本端仍然可以接收对端的回复。</translation>
    </message>
    <message>
        <source>An error was waiting: ECONNREFUSED, an ICMP port-unreachable came back. The other machine answered that nothing listens on that UDP port.</source>
        <translation>有一个待处理的错误：ECONNREFUSED，即收到了 ICMP 端口不可达。对方主机回应说，该 UDP 端口上没有程序在监听。</translation>
    </message>
    <message>
        <source>An error was waiting: %1.</source>
        <translation>有一个待处理的错误：%1。</translation>
    </message>
    <message>
        <source>No error was waiting: no ICMP port-unreachable came back for the datagrams sent.</source>
        <translation>没有待处理的错误：已发送的数据报没有引来 ICMP 端口不可达。</translation>
    </message>
    <message>
        <source>The client sent its ClientHello (the TLS versions and ciphers it knows, and the server&apos;s name) and waits for the server&apos;s answer and certificate.</source>
        <translation>客户端已发送 ClientHello（其中包括它支持的 TLS 版本和加密套件，以及服务器的名字），正在等待服务器的回应和证书。</translation>
    </message>
    <message>
        <source>The handshake finished: both sides agreed on %1 and on keys. From now on everything sent on this connection is encrypted.</source>
        <translation>握手已完成：双方商定了 %1 和密钥。从现在起，这个连接上发送的所有数据都是加密的。</translation>
    </message>
    <message>
        <source>It answered: %1.</source>
        <translation>查询结果：%1。</translation>
    </message>
    <message>
        <source>The address has the name %1.</source>
        <translation>这个地址的名字是 %1。</translation>
    </message>
    <message>
        <source>This machine calls itself %1.</source>
        <translation>本机的名字是 %1。</translation>
    </message>
    <message>
        <source>This machine&apos;s full name is %1.</source>
        <translation>本机的完整名字是 %1。</translation>
    </message>
    <message>
        <source>This machine has %1: each one is a way onto a network, with its own addresses.</source>
        <translation>本机有 %1：每个网络接口都是通往一个网络的入口，各有自己的地址。</translation>
    </message>
    <message>
        <source>It returned: %1.</source>
        <translation>返回结果：%1。</translation>
    </message>
    <message>
        <source>This datagram is lost: the server neither answers nor reports it. The client waits and, after its receive window, counts it as unanswered.</source>
        <translation>这个数据报丢失了：服务器既不回复，也不报告。客户端会等待，过了接收时限仍没有回复，就把它计为未应答。</translation>
    </message>
    <message>
        <source>It found nothing (%1). The older call may know less than getaddrinfo(), so this is only a remark.</source>
        <translation>什么也没找到（%1）。旧的调用知道的可能比 getaddrinfo() 少，所以这只是一条备注。</translation>
    </message>
    <message>
        <source>Socket Workbench did not make this call: %1.</source>
        <translation>Socket Workbench 没有执行这个调用：%1。</translation>
    </message>
    <message>
        <source>A remark by Socket Workbench about this call: %1</source>
        <translation>Socket Workbench 对这个调用的备注：%1</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>A problem Socket Workbench noticed, not the result of one socket call.</source>
        <translation>Socket Workbench 发现的问题，而不是某个套接字调用的结果。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A remark by Socket Workbench, not a socket call: it says what happened around the steps before and after it. Nothing is sent or received here.</source>
        <translation>Socket Workbench 的备注，不是套接字调用：它说明前后步骤之间发生了什么。这里不发送也不接收任何数据。</translation>
    </message>
    <message>
        <source>A step Socket Workbench has no explanation for yet; the call and result columns show what happened.</source>
        <translation>Socket Workbench 暂时还没有对此步骤的解释；请看调用和结果两列了解发生了什么。</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Usage error</source>
        <translation>输入错误</translation>
    </message>
    <message>
        <source>Resolve error</source>
        <translation>解析错误</translation>
    </message>
    <message>
        <source>Address error</source>
        <translation>地址错误</translation>
    </message>
    <message>
        <source>Connect error</source>
        <translation>连接错误</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>I/O error</source>
        <translation>I/O 错误</translation>
    </message>
    <message>
        <source>Protocol error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <source>Local error</source>
        <translation>本地错误</translation>
    </message>
    <message>
        <source>in Python: %1</source>
        <translation>Python 中为：%1</translation>
    </message>
</context>
<context>
    <name>TimeDecode</name>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>0 s: the server and this computer agree to the second</source>
        <translation>0 秒：服务器与本机的时间精确到秒一致</translation>
    </message>
    <message>
        <source>+%1 s: the server is %1 s ahead of this computer</source>
        <translation>+%1 秒：服务器比本机快 %1 秒</translation>
    </message>
    <message>
        <source>%1 s: the server is %2 s behind this computer</source>
        <translation>%1 秒：服务器比本机慢 %2 秒</translation>
    </message>
    <message>
        <source>no warning</source>
        <translation>无警告</translation>
    </message>
    <message>
        <source>the last minute of today has 61 seconds (a leap second is added)</source>
        <translation>今天最后一分钟有 61 秒（增加一个闰秒）</translation>
    </message>
    <message>
        <source>the last minute of today has 59 seconds (a leap second is removed)</source>
        <translation>今天最后一分钟有 59 秒（减去一个闰秒）</translation>
    </message>
    <message>
        <source>alarm: the server&apos;s clock is not synchronised</source>
        <translation>告警：服务器的时钟未同步</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>symmetric active</source>
        <translation>对称主动</translation>
    </message>
    <message>
        <source>symmetric passive</source>
        <translation>对称被动</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <source>NTP control message</source>
        <translation>NTP 控制报文</translation>
    </message>
    <message>
        <source>reserved for private use</source>
        <translation>保留供私用</translation>
    </message>
    <message>
        <source>kiss-o&apos;-death or unspecified: the reference id holds a kiss code, not a time source</source>
        <translation>kiss-o&apos;-death（死亡之吻）或未指定：参考标识中是 kiss 码，而不是时间源</translation>
    </message>
    <message>
        <source>primary reference: the server has its own clock source (GPS, radio, atomic clock)</source>
        <translation>主参考源：服务器有自己的时钟源（GPS、无线电、原子钟）</translation>
    </message>
    <message>
        <source>secondary reference: %1 step(s) away from a primary server, synchronised by NTP</source>
        <translation>二级参考源：与主服务器相隔 %1 级，通过 NTP 同步</translation>
    </message>
    <message>
        <source>unsynchronised</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>reserved (not a valid stratum)</source>
        <translation>保留（不是有效的层级）</translation>
    </message>
    <message>
        <source>the association belongs to an anycast server</source>
        <translation>该关联属于一台任播服务器</translation>
    </message>
    <message>
        <source>server authentication failed</source>
        <translation>服务器认证失败</translation>
    </message>
    <message>
        <source>Autokey sequence failed</source>
        <translation>Autokey 序列失败</translation>
    </message>
    <message>
        <source>the association belongs to a broadcast server</source>
        <translation>该关联属于一台广播服务器</translation>
    </message>
    <message>
        <source>cryptographic authentication or identification failed</source>
        <translation>加密认证或身份识别失败</translation>
    </message>
    <message>
        <source>access denied by the server: stop asking this server</source>
        <translation>服务器拒绝访问：请不要再向这台服务器查询</translation>
    </message>
    <message>
        <source>lost peer in symmetric mode</source>
        <translation>对称模式下失去了对端</translation>
    </message>
    <message>
        <source>access denied by a server restriction: stop asking this server</source>
        <translation>服务器的访问限制拒绝了访问：请不要再向这台服务器查询</translation>
    </message>
    <message>
        <source>the association has not yet synchronised for the first time</source>
        <translation>该关联尚未完成首次同步</translation>
    </message>
    <message>
        <source>the association belongs to a dynamically discovered server</source>
        <translation>该关联属于一台动态发现的服务器</translation>
    </message>
    <message>
        <source>no key found: the key was never installed or is not trusted</source>
        <translation>找不到密钥：密钥从未安装，或不受信任</translation>
    </message>
    <message>
        <source>rate exceeded: you asked too often; wait longer between requests</source>
        <translation>超出速率限制：查询太频繁，请拉长两次请求之间的间隔</translation>
    </message>
    <message>
        <source>somebody is tinkering with the association from a remote host</source>
        <translation>有人正从远程主机篡改该关联</translation>
    </message>
    <message>
        <source>a step change in system time has occurred, not yet verified</source>
        <translation>系统时间发生了跳变，尚未核实</translation>
    </message>
    <message>
        <source>a kiss code this tool does not know</source>
        <translation>本工具不认识的 kiss 码</translation>
    </message>
    <message>
        <source>Geosynchronous Orbit Environment Satellite</source>
        <translation>地球同步轨道环境卫星</translation>
    </message>
    <message>
        <source>Global Positioning System</source>
        <translation>全球定位系统</translation>
    </message>
    <message>
        <source>Galileo positioning system</source>
        <translation>伽利略定位系统</translation>
    </message>
    <message>
        <source>a generic pulse-per-second signal</source>
        <translation>通用的秒脉冲信号</translation>
    </message>
    <message>
        <source>Inter-Range Instrumentation Group time code</source>
        <translation>靶场仪器组（IRIG）时间码</translation>
    </message>
    <message>
        <source>LF radio WWVB, Fort Collins, Colorado, 60 kHz</source>
        <translation>低频电台 WWVB，美国科罗拉多州柯林斯堡，60 kHz</translation>
    </message>
    <message>
        <source>LF radio DCF77, Mainflingen, Germany, 77.5 kHz</source>
        <translation>低频电台 DCF77，德国美因弗林根，77.5 kHz</translation>
    </message>
    <message>
        <source>LF radio HBG, Prangins, Switzerland, 75 kHz</source>
        <translation>低频电台 HBG，瑞士普朗然，75 kHz</translation>
    </message>
    <message>
        <source>LF radio MSF, Anthorn, United Kingdom, 60 kHz</source>
        <translation>低频电台 MSF，英国安索恩，60 kHz</translation>
    </message>
    <message>
        <source>LF radio JJY, Japan, 40 kHz and 60 kHz</source>
        <translation>低频电台 JJY，日本，40 kHz 和 60 kHz</translation>
    </message>
    <message>
        <source>MF radio LORAN C station, 100 kHz</source>
        <translation>中频电台 LORAN C 台站，100 kHz</translation>
    </message>
    <message>
        <source>MF radio Allouis, France, 162 kHz</source>
        <translation>中频电台，法国阿卢伊，162 kHz</translation>
    </message>
    <message>
        <source>HF radio CHU, Ottawa, Ontario</source>
        <translation>高频电台 CHU，加拿大安大略省渥太华</translation>
    </message>
    <message>
        <source>HF radio WWV, Fort Collins, Colorado</source>
        <translation>高频电台 WWV，美国科罗拉多州柯林斯堡</translation>
    </message>
    <message>
        <source>HF radio WWVH, Kauai, Hawaii</source>
        <translation>高频电台 WWVH，美国夏威夷州考爱岛</translation>
    </message>
    <message>
        <source>NIST telephone modem</source>
        <translation>NIST 电话调制解调器</translation>
    </message>
    <message>
        <source>USNO telephone modem</source>
        <translation>USNO 电话调制解调器</translation>
    </message>
    <message>
        <source>European telephone modem</source>
        <translation>欧洲电话调制解调器</translation>
    </message>
    <message>
        <source>the server&apos;s own local clock, not an outside reference</source>
        <translation>服务器自身的本地时钟，不是外部参考源</translation>
    </message>
    <message>
        <source>a reference source this tool does not know</source>
        <translation>本工具不认识的参考源</translation>
    </message>
    <message>
        <source>0: not set</source>
        <translation>0：未设置</translation>
    </message>
    <message>
        <source>Reply bytes</source>
        <translation>回复字节</translation>
    </message>
    <message>
        <source>%1 came; RFC 868 sends exactly 4: the seconds since 1900-01-01 00:00:00 UTC.</source>
        <translation>收到 %1；RFC 868 恰好发送 4 字节：自 1900-01-01 00:00:00 UTC 起的秒数。</translation>
    </message>
    <message>
        <source>Wrong-sized reply: %1 bytes (%2) instead of 4</source>
        <translation>回复长度不对：%1 字节（%2），应为 4 字节</translation>
    </message>
    <message>
        <source>Big-endian unsigned 32-bit value</source>
        <translation>大端序无符号 32 位值</translation>
    </message>
    <message>
        <source>The first byte is the most significant (network byte order), as Python&apos;s struct.unpack(&quot;!I&quot;, data)[0] reads it: %1 = %2 seconds since 1900.</source>
        <translation>第一个字节是最高位字节（网络字节序），与 Python 的 struct.unpack(&quot;!I&quot;, data)[0] 的读法相同：%1 = 自 1900 年起的 %2 秒。</translation>
    </message>
    <message>
        <source>Minus 2208988800</source>
        <translation>减去 2208988800</translation>
    </message>
    <message>
        <source>2208988800 is the number of seconds from 1900 to 1970: 70 years of 365 days plus 17 leap days, times 86400 seconds a day.</source>
        <translation>2208988800 是从 1900 年到 1970 年的秒数：70 年每年 365 天，再加 17 个闰日，乘以每天 86400 秒。</translation>
    </message>
    <message>
        <source>Unix time</source>
        <translation>Unix 时间</translation>
    </message>
    <message>
        <source>Seconds since 1970-01-01 00:00:00 UTC, the count time.time() and time.ctime() work with.</source>
        <translation>自 1970-01-01 00:00:00 UTC 起的秒数，即 time.time() 和 time.ctime() 所用的计数。</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>The same instant as a date and time in Coordinated Universal Time.</source>
        <translation>同一时刻，用协调世界时（UTC）的日期和时间表示。</translation>
    </message>
    <message>
        <source>Local time (ctime)</source>
        <translation>本地时间（ctime）</translation>
    </message>
    <message>
        <source>As C&apos;s ctime() and Python&apos;s time.ctime() print it, in this computer&apos;s time zone.</source>
        <translation>按 C 的 ctime() 和 Python 的 time.ctime() 的格式输出，采用本机的时区。</translation>
    </message>
    <message>
        <source>2036 wrap-around</source>
        <translation>2036 年回绕</translation>
    </message>
    <message>
        <source>era %1</source>
        <translation>纪元 %1</translation>
    </message>
    <message>
        <source>A 32-bit count of seconds since 1900 runs out on 2036-02-07 06:28:16 UTC and starts again at 0. The value alone cannot tell the two apart, so the era (%1 added, %2 times) was chosen that puts the time closest to this computer&apos;s clock, as RFC 4330 section 3 suggests.</source>
        <translation>从 1900 年起计的 32 位秒数会在 2036-02-07 06:28:16 UTC 用尽，然后从 0 重新开始。仅凭这个值无法区分前后两个纪元，因此按 RFC 4330 第 3 节的建议，选择了使时间最接近本机时钟的纪元（加上 %1，共 %2 次）。</translation>
    </message>
    <message>
        <source>Difference from the local clock</source>
        <translation>与本机时钟之差</translation>
    </message>
    <message>
        <source>Short reply: %1 bytes (%2) instead of at least 48; an SNTP header is 48 bytes</source>
        <translation>回复太短：%1 字节（%2），至少应为 48 字节；SNTP 首部长 48 字节</translation>
    </message>
    <message>
        <source>Leap indicator (LI)</source>
        <translation>闰秒指示（LI）</translation>
    </message>
    <message>
        <source>Version (VN)</source>
        <translation>版本（VN）</translation>
    </message>
    <message>
        <source>NTP/SNTP version %1</source>
        <translation>NTP/SNTP 版本 %1</translation>
    </message>
    <message>
        <source>version %1: not one SNTP clients expect (3 or 4)</source>
        <translation>版本 %1：不是 SNTP 客户端预期的版本（3 或 4）</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>A server answers a client&apos;s request (mode 3) with mode 4; mode 5 is a broadcast nobody asked for.</source>
        <translation>服务器用模式 4 回答客户端的请求（模式 3）；模式 5 是无人请求的广播。</translation>
    </message>
    <message>
        <source>Stratum</source>
        <translation>层级（stratum）</translation>
    </message>
    <message>
        <source>Poll</source>
        <translation>轮询间隔</translation>
    </message>
    <message>
        <source>The longest interval between requests the server suggests, as a power of two seconds.</source>
        <translation>服务器建议的两次请求之间的最长间隔，以 2 的幂（秒）表示。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>How finely the server&apos;s clock can be read, as a power of two seconds.</source>
        <translation>服务器时钟能读到多精细，以 2 的幂（秒）表示。</translation>
    </message>
    <message>
        <source>Root delay</source>
        <translation>根延迟</translation>
    </message>
    <message>
        <source>Round-trip time to the primary reference, in NTP short format (16 bits of seconds, 16 of fraction).</source>
        <translation>到主参考源的往返时间，采用 NTP 短格式（16 位整数秒，16 位小数部分）。</translation>
    </message>
    <message>
        <source>Root dispersion</source>
        <translation>根离散度</translation>
    </message>
    <message>
        <source>The largest error the server admits relative to the primary reference, in NTP short format.</source>
        <translation>服务器承认的相对于主参考源的最大误差，采用 NTP 短格式。</translation>
    </message>
    <message>
        <source>Kiss code %1: %2.</source>
        <translation>Kiss 码 %1：%2。</translation>
    </message>
    <message>
        <source>For stratum 1, up to 4 ASCII characters naming the clock source: %1.</source>
        <translation>层级为 1 时，是最多 4 个 ASCII 字符，指明时钟源：%1。</translation>
    </message>
    <message>
        <source>For stratum 2 and above, the IPv4 address of the server this one synchronises to (for an IPv6 server, the first 4 bytes of the MD5 hash of its address).</source>
        <translation>层级为 2 及以上时，是本服务器所同步的上游服务器的 IPv4 地址（上游为 IPv6 服务器时，是其地址 MD5 哈希值的前 4 个字节）。</translation>
    </message>
    <message>
        <source>Reference id</source>
        <translation>参考标识</translation>
    </message>
    <message>
        <source>Reference timestamp</source>
        <translation>参考时间戳</translation>
    </message>
    <message>
        <source>When the server&apos;s clock was last set or corrected.</source>
        <translation>服务器时钟最近一次设置或校正的时间。</translation>
    </message>
    <message>
        <source>Originate timestamp (T1)</source>
        <translation>发起时间戳（T1）</translation>
    </message>
    <message>
        <source>The transmit timestamp of the request, copied back by the server so the client knows which request this answers.</source>
        <translation>请求中的发送时间戳，由服务器原样复制回来，让客户端知道这是对哪个请求的回复。</translation>
    </message>
    <message>
        <source>Receive timestamp (T2)</source>
        <translation>接收时间戳（T2）</translation>
    </message>
    <message>
        <source>The server&apos;s clock when the request arrived.</source>
        <translation>请求到达时服务器的时钟。</translation>
    </message>
    <message>
        <source>Transmit timestamp (T3)</source>
        <translation>发送时间戳（T3）</translation>
    </message>
    <message>
        <source>The server&apos;s clock when the reply left.</source>
        <translation>回复发出时服务器的时钟。</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>扩展</translation>
    </message>
    <message>
        <source>Extension fields or a message authentication code after the 48-byte header; not decoded here.</source>
        <translation>48 字节首部之后的扩展字段或消息认证码；这里不解码。</translation>
    </message>
    <message>
        <source>Not a server reply: mode %1 (%2) instead of 4 (server)</source>
        <translation>不是服务器的回复：模式为 %1（%2），而不是 4（服务器）</translation>
    </message>
    <message>
        <source>Not the answer to this request: the originate timestamp %1 is not the transmit timestamp that was sent (%2); it answers someone else&apos;s request, or is forged</source>
        <translation>不是对本次请求的回复：发起时间戳 %1 与发出的发送时间戳（%2）不一致；它回答的是别人的请求，或者是伪造的</translation>
    </message>
    <message>
        <source>Kiss-o&apos;-death %1 (stratum 0): %2. The reply carries no time to use.</source>
        <translation>Kiss-o&apos;-death（死亡之吻）%1（层级 0）：%2。该回复不含可用的时间。</translation>
    </message>
    <message>
        <source>The server&apos;s clock is not synchronised (leap indicator 3, alarm); RFC 4330 says to discard such a reply</source>
        <translation>服务器的时钟未同步（闰秒指示为 3，即告警）；RFC 4330 规定应丢弃这样的回复</translation>
    </message>
    <message>
        <source>The server is unsynchronised (stratum %1); RFC 4330 says to discard such a reply</source>
        <translation>服务器未同步（层级 %1）；RFC 4330 规定应丢弃这样的回复</translation>
    </message>
    <message>
        <source>The transmit timestamp is 0: the server did not say when it sent the reply</source>
        <translation>发送时间戳为 0：服务器没有说明它何时发出回复</translation>
    </message>
    <message>
        <source>T1</source>
        <translation>T1</translation>
    </message>
    <message>
        <source>This computer&apos;s clock when the request left.</source>
        <translation>请求发出时本机的时钟。</translation>
    </message>
    <message>
        <source>T2</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>T3</source>
        <translation>T3</translation>
    </message>
    <message>
        <source>T4</source>
        <translation>T4</translation>
    </message>
    <message>
        <source>This computer&apos;s clock when the reply came.</source>
        <translation>收到回复时本机的时钟。</translation>
    </message>
    <message>
        <source>δ unknown: a broadcast answers no request, so the delay is taken as 0</source>
        <translation>δ 未知：广播不是对请求的回答，因此延迟取 0</translation>
    </message>
    <message>
        <source>Offset θ</source>
        <translation>时钟偏差 θ</translation>
    </message>
    <message>
        <source>How far this computer&apos;s clock is behind the server&apos;s (negative: ahead), assuming the request and the reply took equally long.</source>
        <translation>假设请求和回复在路上用时相同，本机时钟比服务器慢多少（为负表示快）。</translation>
    </message>
    <message>
        <source>Delay δ</source>
        <translation>往返延迟 δ</translation>
    </message>
    <message>
        <source>The round trip on the network: the whole wait minus the time the server held the request.</source>
        <translation>在网络上往返的时间：总等待时间减去服务器处理请求所用的时间。</translation>
    </message>
    <message>
        <source>Server clock vs local clock</source>
        <translation>服务器时钟与本机时钟</translation>
    </message>
    <message>
        <source>The server&apos;s transmit time beside this computer&apos;s clock when the reply came; the offset θ is the better measure of the difference, since it takes the network delay out.</source>
        <translation>服务器的发送时间与收到回复时的本机时钟并列显示；时钟偏差 θ 扣除了网络延迟，更能准确衡量两者之差。</translation>
    </message>
    <message>
        <source>The time the server sent, in UTC.</source>
        <translation>服务器发来的时间，以 UTC 表示。</translation>
    </message>
    <message>
        <source>Server&apos;s local time</source>
        <translation>服务器本地时间</translation>
    </message>
    <message>
        <source>The text names no time zone: this is the server&apos;s local time, whatever zone that is.</source>
        <translation>文本中没有注明时区：这是服务器的本地时间，无论它处在哪个时区。</translation>
    </message>
    <message>
        <source>NIST (ACTS)</source>
        <translation>NIST (ACTS)</translation>
    </message>
    <message>
        <source>JJJJJ</source>
        <translation>JJJJJ</translation>
    </message>
    <message>
        <source>The Modified Julian Date: days since 1858-11-17; it matches the date.</source>
        <translation>修正儒略日（MJD）：自 1858-11-17 起的天数；与日期相符。</translation>
    </message>
    <message>
        <source>The Modified Julian Date: days since 1858-11-17; the date says %1, so the two disagree.</source>
        <translation>修正儒略日（MJD）：自 1858-11-17 起的天数；按日期应为 %1，两者不一致。</translation>
    </message>
    <message>
        <source>YY-MM-DD HH:MM:SS</source>
        <translation>YY-MM-DD HH:MM:SS</translation>
    </message>
    <message>
        <source>The date (two-digit year) and the time, in UTC.</source>
        <translation>日期（两位数年份）和时间，以 UTC 表示。</translation>
    </message>
    <message>
        <source>standard time is in effect in the USA</source>
        <translation>美国正在实行标准时间</translation>
    </message>
    <message>
        <source>daylight saving time is in effect in the USA</source>
        <translation>美国正在实行夏令时</translation>
    </message>
    <message>
        <source>daylight saving time starts in the USA in %1 day(s)</source>
        <translation>美国将在 %1 天后开始实行夏令时</translation>
    </message>
    <message>
        <source>standard time returns in the USA in %1 day(s)</source>
        <translation>美国将在 %1 天后恢复标准时间</translation>
    </message>
    <message>
        <source>TT</source>
        <translation>TT</translation>
    </message>
    <message>
        <source>Daylight saving time code: %1.</source>
        <translation>夏令时代码：%1。</translation>
    </message>
    <message>
        <source>no leap second is due this month</source>
        <translation>本月没有闰秒</translation>
    </message>
    <message>
        <source>a leap second will be added at the end of the month</source>
        <translation>本月末将增加一个闰秒</translation>
    </message>
    <message>
        <source>a leap second will be removed at the end of the month</source>
        <translation>本月末将减去一个闰秒</translation>
    </message>
    <message>
        <source>an unknown code</source>
        <translation>未知代码</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>Leap second: %1.</source>
        <translation>闰秒：%1。</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>the time may be off by up to 5 s</source>
        <translation>时间可能偏差最多 5 秒</translation>
    </message>
    <message>
        <source>the time may be off by more than 5 s</source>
        <translation>时间可能偏差超过 5 秒</translation>
    </message>
    <message>
        <source>hardware or software failure</source>
        <translation>硬件或软件故障</translation>
    </message>
    <message>
        <source>not healthy (code not known to this tool)</source>
        <translation>不正常（本工具不认识该代码）</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>Server health: %1.</source>
        <translation>服务器健康状况：%1。</translation>
    </message>
    <message>
        <source>msADV</source>
        <translation>msADV</translation>
    </message>
    <message>
        <source>Milliseconds the time was sent early to make up for the expected network delay.</source>
        <translation>为抵消预计的网络延迟而提前发送时间的毫秒数。</translation>
    </message>
    <message>
        <source>UTC(NIST)</source>
        <translation>UTC(NIST)</translation>
    </message>
    <message>
        <source>The time scale: UTC as NIST keeps it.</source>
        <translation>时间标度：由 NIST 维持的 UTC。</translation>
    </message>
    <message>
        <source>OTM</source>
        <translation>OTM</translation>
    </message>
    <message>
        <source>The on-time marker: the moment the text was sent is the time given (plus msADV).</source>
        <translation>准时标记：发出这段文本的时刻正是所给的时间（再加上 msADV）。</translation>
    </message>
    <message>
        <source>ctime</source>
        <translation>ctime</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>What C&apos;s ctime() and Python&apos;s time.ctime() print (the lab&apos;s daytime server sends this).</source>
        <translation>C 的 ctime() 和 Python 的 time.ctime() 输出的格式（实验室的 daytime 服务器发送的就是它）。</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Matches the date.</source>
        <translation>与日期相符。</translation>
    </message>
    <message>
        <source>Does not match the date.</source>
        <translation>与日期不符。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Month name in English, day of the month padded with a space.</source>
        <translation>月份名为英文，日期不足两位时前面补空格。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Hours, minutes, seconds.</source>
        <translation>时、分、秒。</translation>
    </message>
    <message>
        <source>RFC 822/1123</source>
        <translation>RFC 822/1123</translation>
    </message>
    <message>
        <source>The date format of e-mail and HTTP headers (RFC 822, RFC 1123).</source>
        <translation>电子邮件和 HTTP 首部所用的日期格式（RFC 822、RFC 1123）。</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>As written, in the zone that follows.</source>
        <translation>按原文所写，采用其后给出的时区。</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>%1 s from UTC.</source>
        <translation>与 UTC 相差 %1 秒。</translation>
    </message>
    <message>
        <source>ISO 8601</source>
        <translation>ISO 8601</translation>
    </message>
    <message>
        <source>The international date format: biggest unit first.</source>
        <translation>国际标准日期格式：最大的单位在前。</translation>
    </message>
    <message>
        <source>As written.</source>
        <translation>按原文所写。</translation>
    </message>
    <message>
        <source>As written; the fraction %1 is left out.</source>
        <translation>按原文所写；省略了小数部分 %1。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No zone given.</source>
        <translation>未给出时区。</translation>
    </message>
    <message>
        <source>Text as received</source>
        <translation>收到的原文</translation>
    </message>
    <message>
        <source>%1; \r\n and other control characters shown as escapes.</source>
        <translation>%1；\r\n 等控制字符以转义形式显示。</translation>
    </message>
    <message>
        <source>Not a format this tool knows; RFC 867 does not fix one.</source>
        <translation>不是本工具认识的格式；RFC 867 没有规定格式。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Server time minus this computer&apos;s clock when the reply came; RFC 868 counts whole seconds, so ±1 s is as close as it can tell, and the network delay is included.</source>
        <translation>服务器时间减去收到回复时本机的时钟；RFC 868 只计整秒，所以最多只能精确到 ±1 秒，而且其中包含了网络延迟。</translation>
    </message>
</context>
<context>
    <name>Trace</name>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source> — the first %1 are shown</source>
        <translation>，只显示前 %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>The first %1 steps were no longer kept; the numbers count from the oldest kept.</source>
        <translation>最早的 %1 个步骤已不再保留；序号从保留下来的最早一步算起。</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>时间（毫秒）</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>… and %1 more steps.</source>
        <translation>……另有 %1 个步骤。</translation>
    </message>
    <message>
        <source>No bytes were sent or received.</source>
        <translation>没有发送或接收任何字节。</translation>
    </message>
    <message>
        <source>… and %1 more sends and receives.</source>
        <translation>……另有 %1 次发送和接收。</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>The same in Python</source>
        <translation>用 Python 写出同样的程序</translation>
    </message>
    <message>
        <source>Step %1, %2: %3 sent</source>
        <translation>步骤 %1，%2：发出 %3</translation>
    </message>
    <message>
        <source>Step %1, %2: %3 received</source>
        <translation>步骤 %1，%2：收到 %3</translation>
    </message>
</context>
<context>
    <name>swb::BytesView</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Show the bytes as text: \r \n \t \\ and \xNN stand for bytes that cannot be printed</source>
        <translation>以文本显示字节：无法打印的字节用 \r \n \t \\ 和 \xNN 表示</translation>
    </message>
    <message>
        <source>Hex dump</source>
        <translation>十六进制转储</translation>
    </message>
    <message>
        <source>Show the bytes as hexdump -C does: offset, 16 bytes in hex, then as text</source>
        <translation>按 hexdump -C 的方式显示字节：偏移量、16 个字节的十六进制，再是对应的文本</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear this view (the connection is not affected)</source>
        <translation>清除此视图（不影响连接）</translation>
    </message>
    <message>
        <source>Bytes the other side sends appear here.</source>
        <translation>对方发来的字节会显示在这里。</translation>
    </message>
    <message>
        <source>1 byte received</source>
        <translation>已接收 1 字节</translation>
    </message>
    <message>
        <source>%1 bytes received</source>
        <translation>已接收 %1 字节</translation>
    </message>
    <message>
        <source>(showing the last %1)</source>
        <translation>（只显示最后 %1 字节）</translation>
    </message>
</context>
<context>
    <name>swb::CodePane</name>
    <message>
        <source>Python 3</source>
        <translation>Python 3</translation>
    </message>
    <message>
        <source>C++ with Qt</source>
        <translation>C++（Qt）</translation>
    </message>
    <message>
        <source>The program a learner would type: the socket module, in the seeds&apos; style</source>
        <translation>学习者自己会写出的程序：使用 socket 模块，沿用教材示例程序的风格</translation>
    </message>
    <message>
        <source>The same with Qt&apos;s sockets and signals; link Qt6::Network</source>
        <translation>同样的程序，用 Qt 的套接字和信号实现；需链接 Qt6::Network</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>复制代码(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the program shown to the clipboard</source>
        <translation>把显示的程序复制到剪贴板</translation>
    </message>
    <message>
        <source>What this form does, as a program: it changes as you edit the form.</source>
        <translation>此表单所做的事，写成程序：随着你编辑表单而变化。</translation>
    </message>
    <message>
        <source>Copy the program shown to the clipboard, with the real addresses (the view hides them)</source>
        <translation>把显示的程序复制到剪贴板，其中使用真实地址（视图中隐藏了地址）</translation>
    </message>
    <message>
        <source>No program while the form has a mistake: %1</source>
        <translation>表单有错误，暂时无法生成程序：%1</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
</context>
<context>
    <name>swb::ConnectPanel</name>
    <message>
        <source>A host name (localhost, example.com) or an address (127.0.0.1, ::1). Names are resolved with getaddrinfo().</source>
        <translation>主机名（localhost、example.com）或地址（127.0.0.1、::1）。主机名用 getaddrinfo() 解析。</translation>
    </message>
    <message>
        <source>A port number (1 to 65535) or a service name such as http, looked up with getservbyname()</source>
        <translation>端口号（1 到 65535）或服务名（如 http），服务名用 getservbyname() 查询</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long resolving and connecting may take together, like s.settimeout()</source>
        <translation>解析加上连接总共允许的最长时间，相当于 s.settimeout()</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>getaddrinfo(), socket(), connect(), then getsockname() and getpeername()</source>
        <translation>getaddrinfo()、socket()、connect()，然后 getsockname() 和 getpeername()</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Lab &amp;service:</source>
        <translation>实验室服务(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port or service:</source>
        <translation>端口或服务(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Family:</source>
        <translation>地址族(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source>Connect to</source>
        <translation>连接目标</translation>
    </message>
    <message>
        <source>Local (getsockname)</source>
        <translation>本地端点（getsockname）</translation>
    </message>
    <message>
        <source>Remote (getpeername)</source>
        <translation>远端端点（getpeername）</translation>
    </message>
    <message>
        <source>This program&apos;s end of the connection</source>
        <translation>连接中本程序这一端</translation>
    </message>
    <message>
        <source>The server&apos;s end of the connection</source>
        <translation>连接中服务器那一端</translation>
    </message>
    <message>
        <source>The address and port the system gave this socket. The port is picked anew for every connection.</source>
        <translation>系统分配给这个套接字的地址和端口。每次连接都会重新选一个端口。</translation>
    </message>
    <message>
        <source>The address and port of the server this socket is connected to</source>
        <translation>这个套接字所连接的服务器的地址和端口</translation>
    </message>
    <message>
        <source>Steps: the socket calls, in order</source>
        <translation>步骤：按顺序列出的套接字（socket）调用</translation>
    </message>
    <message>
        <source>Connect again: the local port changes each time — the system picks a free one.</source>
        <translation>再连接一次：本地端口每次都会变——系统会挑一个空闲端口。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>From the start to connected (or failed)</source>
        <translation>从开始到连接成功（或失败）所用的时间</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试记录</translation>
    </message>
    <message>
        <source>Text to send, e.g. hello</source>
        <translation>要发送的文本，例如 hello</translation>
    </message>
    <message>
        <source>Text (\r \n \t \xNN escapes)</source>
        <translation>文本（可用 \r \n \t \xNN 转义）</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Text: type \r, \n, \t or \xNN for bytes you cannot type. Hex: bytes as hex digits, e.g. 48 65 6c 6c 6f</source>
        <translation>文本：无法直接输入的字节用 \r、\n、\t 或 \xNN 表示。十六进制：以十六进制数字表示字节，例如 48 65 6c 6c 6f</translation>
    </message>
    <message>
        <source>Append \n</source>
        <translation>追加 \n</translation>
    </message>
    <message>
        <source>Add a newline byte after the text, as pressing Enter in telnet does; line-based servers wait for it</source>
        <translation>在文本后加一个换行字节，就像在 telnet 中按回车一样；按行处理的服务器会等这个字节</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>s.sendall(bytes)</source>
        <translation>s.sendall(bytes)</translation>
    </message>
    <message>
        <source>Half-close (shutdown SHUT_WR)</source>
        <translation>半关闭（shutdown SHUT_WR）</translation>
    </message>
    <message>
        <source>s.shutdown(socket.SHUT_WR): tell the server you will send nothing more, and keep receiving its answer</source>
        <translation>s.shutdown(socket.SHUT_WR)：告诉服务器你不会再发送任何数据，但继续接收它的回复</translation>
    </message>
    <message>
        <source>Send and receive</source>
        <translation>发送与接收</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>The steps as a sequence diagram: this program and the server</source>
        <translation>以时序图展示步骤：本程序与服务器</translation>
    </message>
    <message>
        <source>What this form does, as a Python program and as C++ with Qt</source>
        <translation>此表单所做的事，写成 Python 程序和 C++（Qt）程序</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Nothing to send: type some text or hex first.</source>
        <translation>没有可发送的内容：请先输入文本或十六进制数据。</translation>
    </message>
    <message>
        <source>Not sent: the socket is not connected.</source>
        <translation>未发送：套接字未连接。</translation>
    </message>
    <message>
        <source>You closed the connection (close()).</source>
        <translation>你关闭了连接（close()）。</translation>
    </message>
    <message>
        <source>The connection ended with an error: %1</source>
        <translation>连接因错误而结束：%1</translation>
    </message>
    <message>
        <source>The server closed the connection (recv() returned 0).</source>
        <translation>服务器关闭了连接（recv() 返回 0）。</translation>
    </message>
    <message>
        <source>Python: %1</source>
        <translation>Python：%1</translation>
    </message>
    <message>
        <source>The address connect() tried</source>
        <translation>connect() 尝试的地址</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>取消(&amp;A)</translation>
    </message>
    <message>
        <source>Stop trying to connect</source>
        <translation>停止尝试连接</translation>
    </message>
    <message>
        <source>s.close(): end the connection</source>
        <translation>s.close()：结束连接</translation>
    </message>
    <message>
        <source>Not connected: press Connect first.</source>
        <translation>未连接：请先按“连接”。</translation>
    </message>
    <message>
        <source>Resolving the name (getaddrinfo)…</source>
        <translation>正在解析主机名（getaddrinfo）…</translation>
    </message>
    <message>
        <source>Connecting (connect)…</source>
        <translation>正在连接（connect）…</translation>
    </message>
    <message>
        <source>Connected: type text and press Send; what the server sends appears below.</source>
        <translation>已连接：输入文本后按“发送”；服务器发来的内容显示在下方。</translation>
    </message>
    <message>
        <source>Half-closed: you send nothing more (shutdown SHUT_WR), but still receive.</source>
        <translation>已半关闭：你不再发送数据（shutdown SHUT_WR），但仍在接收。</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>已关闭。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
</context>
<context>
    <name>swb::ConnectionModel</name>
    <message>
        <source>open</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>half-closed by client</source>
        <translation>客户端已半关闭</translation>
    </message>
    <message>
        <source>half-closed by server</source>
        <translation>服务器已半关闭</translation>
    </message>
    <message>
        <source>closed by client</source>
        <translation>客户端已关闭</translation>
    </message>
    <message>
        <source>closed by server</source>
        <translation>服务器已关闭</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <source>refused (client limit)</source>
        <translation>被拒绝（客户端数已达上限）</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>The connection ended with a reset (RST): the client&apos;s program ended without closing, or closed while data was unread.</source>
        <translation>连接以重置（RST）结束：客户端程序没有关闭连接就退出了，或者在还有数据未读时关闭了连接。</translation>
    </message>
    <message>
        <source>The client called shutdown(SHUT_WR) or close(): it sends nothing more, but may still read.</source>
        <translation>客户端调用了 shutdown(SHUT_WR) 或 close()：它不再发送数据，但可能仍在读取。</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>发送方地址</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>客户端地址</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <source>Opened at</source>
        <translation>建立时间</translation>
    </message>
    <message>
        <source>Active for</source>
        <translation>活跃时长</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>收到字节</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>发出字节</translation>
    </message>
    <message>
        <source>Datagrams in / out</source>
        <translation>数据报 收 / 发</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>swb::GuiApp</name>
    <message>
        <source>Socket Workbench</source>
        <translation>Socket Workbench</translation>
    </message>
</context>
<context>
    <name>swb::HostLookup</name>
    <message>
        <source>%1 earlier lookups are still waiting for the resolver (a cancelled lookup waits until the resolver gives up). Try again when they have finished.</source>
        <translation>仍有 %1 个先前的查询在等待解析器（已取消的查询要等解析器放弃后才结束）。请等它们完成后再试。</translation>
    </message>
    <message>
        <source>Could not start a thread for the lookup: %1</source>
        <translation>无法为查询启动线程：%1</translation>
    </message>
    <message>
        <source>cancelled; the C library cannot interrupt a lookup, so the call runs on in the background and its answer will be ignored</source>
        <translation>已取消；C 库无法中断查询，所以该调用会在后台继续运行，其结果将被忽略</translation>
    </message>
    <message>
        <source>The resolver did not answer within %1 s (%2() is still waiting; its answer will be ignored).</source>
        <translation>解析器在 %1 秒内没有应答（%2() 仍在等待；其结果将被忽略）。</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>%1 秒后超时</translation>
    </message>
</context>
<context>
    <name>swb::HttpGet</name>
    <message>
        <source>Subject: %1</source>
        <translation>使用者：%1</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>组织：%1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>颁发者：%1</translation>
    </message>
    <message>
        <source>Valid: %1 to %2</source>
        <translation>有效期：%1 至 %2</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <source>Self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <source>no body for this response</source>
        <translation>此响应没有正文</translation>
    </message>
    <message>
        <source>%1 received, as Content-Length said</source>
        <translation>已收到 %1，与 Content-Length 所说一致</translation>
    </message>
    <message>
        <source>only %1 of the %2 Content-Length announced</source>
        <translation>只收到 %1，而 Content-Length 声明的是 %2</translation>
    </message>
    <message>
        <source>%1 in 1 chunk, ended by the last (zero-size) chunk</source>
        <translation>%1，共 1 个分块，以最后一个（大小为 0 的）分块结束</translation>
    </message>
    <message>
        <source>%1 in %2 chunks, ended by the last (zero-size) chunk</source>
        <translation>%1，共 %2 个分块，以最后一个（大小为 0 的）分块结束</translation>
    </message>
    <message>
        <source>%1, ended by the server closing the connection (no length was given)</source>
        <translation>%1，以服务器关闭连接结束（响应未给出长度）</translation>
    </message>
    <message>
        <source>https needs a TLS library, and none could be loaded (%1). Use http://.</source>
        <translation>https 需要 TLS 库，但一个也无法加载（%1）。请改用 http://。</translation>
    </message>
    <message>
        <source>The body could not be written where it was asked to go.</source>
        <translation>无法把正文写到指定的位置。</translation>
    </message>
    <message>
        <source>The connected socket could not be taken over.</source>
        <translation>无法接管已连接的套接字。</translation>
    </message>
    <message>
        <source>The TLS library could not take the socket: %1</source>
        <translation>TLS 库无法接管该套接字：%1</translation>
    </message>
    <message>
        <source>ClientHello sent</source>
        <translation>已发送 ClientHello</translation>
    </message>
    <message>
        <source>certificate problems ignored because you chose to continue for this server in this session: %1</source>
        <translation>已忽略证书问题，因为你选择了在本次会话中对这台服务器继续连接：%1</translation>
    </message>
    <message>
        <source>certificate problems ignored because --insecure was given: %1</source>
        <translation>已忽略证书问题，因为给出了 --insecure：%1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation>服务器的证书不受信任：%1</translation>
    </message>
    <message>
        <source>certificate not trusted</source>
        <translation>证书不受信任</translation>
    </message>
    <message>
        <source>The request could not be handed to the TLS library: %1</source>
        <translation>无法把请求交给 TLS 库：%1</translation>
    </message>
    <message>
        <source>send() failed after %1 of the request: %2 (%3)</source>
        <translation>发送了请求的 %1 后 send() 失败：%2（%3）</translation>
    </message>
    <message>
        <source>not called: with TLS, closing the sending side would end the encrypted channel before the answer comes</source>
        <translation>未调用：使用 TLS 时，关闭发送方向会在响应到来之前就结束加密通道</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR) after sending failed: %1 (%2). The request may not have reached the server; this is the error the seed&apos;s shutdown(1) is there to catch.</source>
        <translation>发送后 shutdown(SHUT_WR) 失败：%1（%2）。请求可能没有到达服务器；教材示例程序中的 shutdown(1) 正是为了捕获这个错误。</translation>
    </message>
    <message>
        <source>ok: nothing more will be sent</source>
        <translation>成功：不会再发送任何数据</translation>
    </message>
    <message>
        <source>The server reset the connection in the middle of the body, after %1 of it.</source>
        <translation>服务器在传输正文的中途重置了连接，此时已收到正文的 %1。</translation>
    </message>
    <message>
        <source>The server reset the connection before the response was complete (%1 received).</source>
        <translation>服务器在响应完整之前重置了连接（已收到 %1）。</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1</source>
        <translation>TLS 握手失败：%1</translation>
    </message>
    <message>
        <source>The encrypted connection failed: %1</source>
        <translation>加密连接失败：%1</translation>
    </message>
    <message>
        <source>malformed response at byte %1</source>
        <translation>第 %1 字节处响应格式错误</translation>
    </message>
    <message>
        <source>complete: the last chunk came, so close() now</source>
        <translation>完成：最后一个分块已到，现在 close()</translation>
    </message>
    <message>
        <source>complete: Content-Length reached, so close() now</source>
        <translation>完成：已达到 Content-Length，现在 close()</translation>
    </message>
    <message>
        <source>complete: no body to wait for, so close() now</source>
        <translation>完成：没有需要等待的正文，现在 close()</translation>
    </message>
    <message>
        <source>0: the server closed the connection</source>
        <translation>0：服务器关闭了连接</translation>
    </message>
    <message>
        <source>incomplete response at byte %1</source>
        <translation>第 %1 字节处响应不完整</translation>
    </message>
    <message>
        <source>No answer within %1 s during the TLS handshake. A server that does not speak TLS on this port (a plain HTTP server, say) waits like this for a request it can read.</source>
        <translation>TLS 握手期间 %1 秒内没有应答。如果服务器在这个端口上不使用 TLS（例如普通的 HTTP 服务器），就会像这样一直等待它能读懂的请求。</translation>
    </message>
    <message>
        <source>The request could not be sent within %1 s: the server is not reading.</source>
        <translation>%1 秒内未能发出请求：服务器没有在读取。</translation>
    </message>
    <message>
        <source>The request was sent, but no byte of a response came within %1 s (waiting for the first byte).</source>
        <translation>请求已发送，但 %1 秒内没有收到任何响应字节（在等待第一个字节）。</translation>
    </message>
    <message>
        <source>The download stalled: nothing arrived for %1 s after %2.</source>
        <translation>下载停滞：收到 %2 后，%1 秒内没有新数据到达。</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>%1 秒后超时</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>swb::HttpPanel</name>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>The local lab&apos;s web server and its test paths: picking one fills in the URL</source>
        <translation>本地实验室的 Web 服务器及其测试路径：选择一项即可填入 URL</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8080/</source>
        <translation>http://127.0.0.1:8080/</translation>
    </message>
    <message>
        <source>http://host:port/path?query or https://…; the port may be a service name (http) looked up with getservbyname()</source>
        <translation>http://host:port/path?query 或 https://…；端口可以是服务名（如 http），用 getservbyname() 查询</translation>
    </message>
    <message>
        <source>&amp;Get</source>
        <translation>获取(&amp;G)</translation>
    </message>
    <message>
        <source>getaddrinfo(), socket(), connect(), sendall(request), shutdown(SHUT_WR), recv() until the server closes, close()</source>
        <translation>getaddrinfo()、socket()、connect()、sendall(request)、shutdown(SHUT_WR)、反复 recv() 直到服务器关闭连接、close()</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>https adds a TLS handshake after connect(): the bytes on the wire are encrypted</source>
        <translation>https 会在 connect() 之后增加一次 TLS 握手：线路上传输的字节都经过加密</translation>
    </message>
    <message>
        <source>A host name or an address; resolved with getaddrinfo()</source>
        <translation>主机名或地址；用 getaddrinfo() 解析</translation>
    </message>
    <message>
        <source>80</source>
        <translation>80</translation>
    </message>
    <message>
        <source>A port number, or a service name such as http, as the seed&apos;s getservbyname(textport, &apos;tcp&apos;); empty means 80 (443 for https)</source>
        <translation>端口号，或 http 之类的服务名（同示例程序中的 getservbyname(textport, &apos;tcp&apos;)）；留空表示 80（https 为 443）</translation>
    </message>
    <message>
        <source>The file to ask for: the seed&apos;s filename, as in GET /index.html</source>
        <translation>要请求的文件：即示例程序中的 filename，如 GET /index.html</translation>
    </message>
    <message>
        <source>HTTP/1.0 (the seed&apos;s request)</source>
        <translation>HTTP/1.0（示例程序的请求）</translation>
    </message>
    <message>
        <source>HTTP/1.1 (Host, Connection: close)</source>
        <translation>HTTP/1.1（带 Host、Connection: close）</translation>
    </message>
    <message>
        <source>Half-close after sending (shutdown SHUT_WR)</source>
        <translation>发送后半关闭（shutdown SHUT_WR）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long each stage may take: connecting, the TLS handshake, the first byte of the answer, and any silence while downloading</source>
        <translation>每个阶段最多允许的时间：连接、TLS 握手、等待响应的第一个字节，以及下载过程中的每段停顿</translation>
    </message>
    <message>
        <source>Edit the raw request</source>
        <translation>编辑原始请求</translation>
    </message>
    <message>
        <source>Write the request bytes yourself, to see what a server does with a bad request</source>
        <translation>自己编写请求字节，看看服务器如何处理错误的请求</translation>
    </message>
    <message>
        <source>Extra &amp;headers:</source>
        <translation>附加首部(&amp;H)：</translation>
    </message>
    <message>
        <source>One per line, e.g. User-Agent: socket-workbench</source>
        <translation>每行一个，例如 User-Agent: socket-workbench</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Lab page:</source>
        <translation>实验室页面(&amp;L)：</translation>
    </message>
    <message>
        <source>H&amp;ost:</source>
        <translation>主机(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Port or service:</source>
        <translation>端口或服务(&amp;P)：</translation>
    </message>
    <message>
        <source>P&amp;ath:</source>
        <translation>路径(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Continue anyway for this server (this session only)</source>
        <translation>仍然继续访问此服务器（仅限本次运行）</translation>
    </message>
    <message>
        <source>Trust this exact certificate for this host and port until the program ends, and run the request again</source>
        <translation>在程序退出前信任此主机和端口的这一证书，并重新发送请求</translation>
    </message>
    <message>
        <source>&amp;Follow the redirect</source>
        <translation>跟随重定向(&amp;F)</translation>
    </message>
    <message>
        <source>Put the Location into the URL and GET it: a browser does this by itself</source>
        <translation>把 Location 填入 URL 并对它执行 GET：浏览器会自动这样做</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex dump</source>
        <translation>十六进制转储</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>HTML is shown as its source text, never rendered</source>
        <translation>HTML 只显示其源代码文本，不会渲染</translation>
    </message>
    <message>
        <source>Charset from Content-Type</source>
        <translation>使用 Content-Type 中的字符集</translation>
    </message>
    <message>
        <source>How the body&apos;s bytes are turned into text. The server names it in Content-Type (charset=...); without it UTF-8 is assumed. Pick another to see what a wrong guess looks like.</source>
        <translation>正文的字节如何转换成文本。服务器在 Content-Type（charset=...）中指明编码；未指明时按 UTF-8 处理。换一种编码试试，看看猜错时会出现什么样的乱码。</translation>
    </message>
    <message>
        <source>&amp;Save body as…</source>
        <translation>将正文另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Status and headers</source>
        <translation>状态与首部</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>The steps as a sequence diagram: this program and the server</source>
        <translation>以时序图展示这些步骤：本程序与服务器</translation>
    </message>
    <message>
        <source>What this form does, as a Python program and as C++ with Qt</source>
        <translation>此表单所做的事，分别写成 Python 程序和使用 Qt 的 C++ 程序</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>The local lab&apos;s web server is off</source>
        <translation>本地实验室的 Web 服务器未开启</translation>
    </message>
    <message>
        <source>The lab is starting…</source>
        <translation>实验室正在启动…</translation>
    </message>
    <message>
        <source>Other: type a URL</source>
        <translation>其他：输入 URL</translation>
    </message>
    <message>
        <source>Not with https: closing the sending side would end the encrypted channel before the answer comes</source>
        <translation>https 下不可用：关闭发送方向会在响应到来之前结束加密通道</translation>
    </message>
    <message>
        <source>As the seed&apos;s s.shutdown(1): tell the server nothing more is coming, and surface a sending error that sendall() did not report</source>
        <translation>同示例程序中的 s.shutdown(1)：告诉服务器不会再发送任何内容，并让 sendall() 没有报告的发送错误显露出来</translation>
    </message>
    <message>
        <source>Request bytes (yours: line breaks are for reading; write \r\n):</source>
        <translation>请求字节（由你编写：换行只为方便阅读，请写 \r\n）：</translation>
    </message>
    <message>
        <source>Request bytes, exactly as they will be sent:</source>
        <translation>请求字节，与实际发送的完全一致：</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Resolving and connecting…</source>
        <translation>正在解析并连接…</translation>
    </message>
    <message>
        <source>TLS handshake…</source>
        <translation>正在进行 TLS 握手…</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>正在发送请求…</translation>
    </message>
    <message>
        <source>Waiting for the first byte of the answer…</source>
        <translation>正在等待响应的第一个字节…</translation>
    </message>
    <message>
        <source>%1 — downloading: %2 so far</source>
        <translation>%1 —— 正在下载：已收到 %2</translation>
    </message>
    <message>
        <source>Redirect (%1): the server says the page is at %2. A browser would follow it at once; here you decide.</source>
        <translation>重定向（%1）：服务器表示该页面位于 %2。浏览器会立即跟随；在这里由你决定。</translation>
    </message>
    <message>
        <source>Redirect, but its Location cannot be followed: %1</source>
        <translation>这是重定向，但无法跟随其 Location：%1</translation>
    </message>
    <message>
        <source>No response (%1 ms)</source>
        <translation>无响应（%1 毫秒）</translation>
    </message>
    <message>
        <source>HTTP/0.9-style answer: no status line</source>
        <translation>HTTP/0.9 风格的响应：没有状态行</translation>
    </message>
    <message>
        <source>%1 · body %2 · %3 ms</source>
        <translation>%1 · 正文 %2 · %3 毫秒</translation>
    </message>
    <message>
        <source>(interim)</source>
        <translation>（临时响应）</translation>
    </message>
    <message>
        <source>(no head)</source>
        <translation>（无首部）</translation>
    </message>
    <message>
        <source>The answer has no status line and no fields: everything is body, as in HTTP/0.9.</source>
        <translation>该响应没有状态行，也没有首部字段：全部都是正文，与 HTTP/0.9 相同。</translation>
    </message>
    <message>
        <source>Status line</source>
        <translation>状态行</translation>
    </message>
    <message>
        <source>%1 (trailer)</source>
        <translation>%1（尾部字段）</translation>
    </message>
    <message>
        <source>Body framing: %1</source>
        <translation>正文定界方式：%1</translation>
    </message>
    <message>
        <source>Content-Length: %1</source>
        <translation>Content-Length: %1</translation>
    </message>
    <message>
        <source>Transfer-Encoding: %1</source>
        <translation>Transfer-Encoding: %1</translation>
    </message>
    <message>
        <source>Body: %1</source>
        <translation>正文：%1</translation>
    </message>
    <message>
        <source>On the wire: %1 in 1 recv() call, head %2</source>
        <translation>实际传输：%1，共 1 次 recv() 调用，首部 %2</translation>
    </message>
    <message>
        <source>On the wire: %1 in %3 recv() calls, head %2</source>
        <translation>实际传输：%1，共 %3 次 recv() 调用，首部 %2</translation>
    </message>
    <message>
        <source>%1 came after the end of the response and were ignored</source>
        <translation>响应结束后又收到 %1，已忽略</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Not used: http:// sends the request and the answer as plain bytes that anyone on the path can read. Use https:// to add a TLS handshake.</source>
        <translation>未使用：http:// 以明文字节发送请求和响应，途经路径上的任何人都能读到。使用 https:// 可加上 TLS 握手。</translation>
    </message>
    <message>
        <source>Protocol: %1</source>
        <translation>协议：%1</translation>
    </message>
    <message>
        <source>Cipher: %1</source>
        <translation>加密套件：%1</translation>
    </message>
    <message>
        <source>The handshake did not finish.</source>
        <translation>握手未完成。</translation>
    </message>
    <message>
        <source>Certificate problems (ignored: you chose to continue):</source>
        <translation>证书问题（已忽略：你选择了继续）：</translation>
    </message>
    <message>
        <source>Certificate problems:</source>
        <translation>证书问题：</translation>
    </message>
    <message>
        <source>The server&apos;s certificate:</source>
        <translation>服务器的证书：</translation>
    </message>
    <message>
        <source>Certificate %1 of the chain:</source>
        <translation>证书链中的第 %1 个证书：</translation>
    </message>
    <message>
        <source>no Content-Type</source>
        <translation>无 Content-Type</translation>
    </message>
    <message>
        <source>showing the first %1 of %2; %3 not shown</source>
        <translation>显示前 %1，共 %2；%3 未显示</translation>
    </message>
    <message>
        <source>The picture is shown when the download is over.</source>
        <translation>下载完成后才显示图片。</translation>
    </message>
    <message>
        <source>No body.</source>
        <translation>无正文。</translation>
    </message>
    <message>
        <source>The body is larger than %1: save it to view it.</source>
        <translation>正文大于 %1：请保存后查看。</translation>
    </message>
    <message>
        <source>The body says it is %1, but it cannot be read as an image.</source>
        <translation>正文声称是 %1，但无法作为图片读取。</translation>
    </message>
    <message>
        <source>Not an image (Content-Type: %1).</source>
        <translation>不是图片（Content-Type: %1）。</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <source>charset %1 is unknown here: shown as UTF-8</source>
        <translation>此处不支持字符集 %1：按 UTF-8 显示</translation>
    </message>
    <message>
        <source>Save the body</source>
        <translation>保存正文</translation>
    </message>
    <message>
        <source>Could not read the temporary file %1: %2</source>
        <translation>无法读取临时文件 %1：%2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>the lab&apos;s page (HTML, with Content-Length)</source>
        <translation>实验室的页面（HTML，带 Content-Length）</translation>
    </message>
    <message>
        <source>echoes the request you sent</source>
        <translation>回显你发送的请求</translation>
    </message>
    <message>
        <source>a body in chunks (HTTP/1.1 only; 1.0 gets it until close)</source>
        <translation>分块传输的正文（仅限 HTTP/1.1；1.0 则一直读到连接关闭）</translation>
    </message>
    <message>
        <source>a 404 Not Found status</source>
        <translation>404 Not Found 状态</translation>
    </message>
    <message>
        <source>a 302 redirect with a Location</source>
        <translation>带 Location 的 302 重定向</translation>
    </message>
    <message>
        <source>1 MiB of bytes</source>
        <translation>1 MiB 的字节数据</translation>
    </message>
    <message>
        <source>100 MiB: a body too big to show (save it)</source>
        <translation>100 MiB：正文太大，无法显示（请保存）</translation>
    </message>
    <message>
        <source>a body that arrives slowly</source>
        <translation>缓慢到达的正文</translation>
    </message>
</context>
<context>
    <name>swb::LabDialog</name>
    <message>
        <source>Local lab</source>
        <translation>本地实验室</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>传输协议</translation>
    </message>
    <message>
        <source>Address and port</source>
        <translation>地址和端口</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start the local lab when the app starts</source>
        <translation>应用启动时启动本地实验室</translation>
    </message>
    <message>
        <source>A change takes effect the next time Socket Workbench starts.</source>
        <translation>更改将在下次启动 Socket Workbench 时生效。</translation>
    </message>
    <message>
        <source>The local lab is off. Tick the box below and restart Socket Workbench to use it.</source>
        <translation>本地实验室未开启。勾选下面的复选框并重启 Socket Workbench 即可使用。</translation>
    </message>
    <message>
        <source>The local lab is starting…</source>
        <translation>本地实验室正在启动…</translation>
    </message>
    <message>
        <source>Small servers on this machine that every panel can use, with no network needed. Each runs on its preferred port unless that port was taken; the port shown is the one it really uses.</source>
        <translation>在本机上运行的小型服务器，每个面板都能使用，无需联网。每个服务器都运行在它的首选端口上，除非该端口已被占用；这里显示的是它实际使用的端口。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>未开启</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>running (port %1 was taken)</source>
        <translation>运行中（首选端口 %1 已被占用）</translation>
    </message>
    <message>
        <source>could not start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
</context>
<context>
    <name>swb::LabServiceCombo</name>
    <message>
        <source>Pick one of the local lab&apos;s UDP servers: it fills in the host and port</source>
        <translation>选择本地实验室的一个 UDP 服务器：会自动填入主机和端口</translation>
    </message>
    <message>
        <source>Pick one of the local lab&apos;s servers: it fills in the host and port</source>
        <translation>选择本地实验室的一个服务器：会自动填入主机和端口</translation>
    </message>
    <message>
        <source>The local lab is off</source>
        <translation>本地实验室未开启</translation>
    </message>
    <message>
        <source>The lab is starting…</source>
        <translation>实验室正在启动…</translation>
    </message>
    <message>
        <source>Other: type a host and port</source>
        <translation>其他：输入主机和端口</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>swb::LadderDiagram</name>
    <message>
        <source>%1 → b&apos;&apos; (the other side closed)</source>
        <translation>%1 → b&apos;&apos;（另一端已关闭）</translation>
    </message>
    <message>
        <source>connect → accept() %1</source>
        <translation>connect → accept() %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>This program (client)</source>
        <translation>本程序（客户端）</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>The steps appear here as they happen.</source>
        <translation>步骤发生时会显示在这里。</translation>
    </message>
    <message>
        <source>Ladder diagram</source>
        <translation>时序图</translation>
    </message>
</context>
<context>
    <name>swb::LadderView</name>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>The whole diagram as a picture, at twice the screen&apos;s size for print and slides</source>
        <translation>将整个时序图保存为图片，尺寸为屏幕的两倍，适合打印和幻灯片</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>另存为 SVG…</translation>
    </message>
    <message>
        <source>The whole diagram as a drawing that scales without blurring</source>
        <translation>将整个时序图保存为矢量图，缩放不会模糊</translation>
    </message>
    <message>
        <source>Time runs down; each arrow is a call that crossed between the two sides.</source>
        <translation>时间自上而下推移；每个箭头都是一次在两端之间往来的调用。</translation>
    </message>
    <message>
        <source>Save the diagram as SVG</source>
        <translation>将时序图保存为 SVG</translation>
    </message>
    <message>
        <source>Save the diagram as PNG</source>
        <translation>将时序图保存为 PNG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Time runs down; the server on the left, a lifeline for each of its newest clients; each arrow is a call that crossed between the server and a client.</source>
        <translation>时间自上而下；左边是服务器，最新的几个客户端各有一条生命线；每个箭头都是一次在服务器与某个客户端之间往来的调用。</translation>
    </message>
</context>
<context>
    <name>swb::ListenServer</name>
    <message>
        <source>Port %1 is already in use on %2: another server listens there. Stop it, choose another port, or use port 0 for a free one.</source>
        <translation>端口 %1 在 %2 上已被占用：另一个服务器正在那里监听。请停止它、换一个端口，或使用端口 0 让系统分配空闲端口。</translation>
    </message>
    <message>
        <source>Port %1 is below 1024 and needs administrator rights. Use a port above 1024.</source>
        <translation>端口 %1 小于 1024，需要管理员权限。请使用大于 1024 的端口。</translation>
    </message>
    <message>
        <source>Unknown behaviour &apos;%1&apos;; choose one of: %2</source>
        <translation>未知的行为“%1”；可选：%2</translation>
    </message>
    <message>
        <source>The %1 behaviour does not work over %2.</source>
        <translation>%1 行为不支持 %2。</translation>
    </message>
    <message>
        <source>Bind address &apos;%1&apos; is not a numeric IPv4 or IPv6 address of this machine.</source>
        <translation>绑定地址“%1”不是本机的数字形式 IPv4 或 IPv6 地址。</translation>
    </message>
    <message>
        <source>%1 server listening on %2: waiting in accept()</source>
        <translation>%1 服务器正在 %2 上监听：在 accept() 中等待</translation>
    </message>
    <message>
        <source>%1 server bound to %2: waiting in recvfrom()</source>
        <translation>%1 服务器已绑定到 %2：在 recvfrom() 中等待</translation>
    </message>
    <message>
        <source>fd %1, client %2</source>
        <translation>fd %1，客户端 %2</translation>
    </message>
    <message>
        <source>ok (refused: the server already has its maximum of %1 clients)</source>
        <translation>ok（已拒绝：服务器已达到最多 %1 个客户端的上限）</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自 %2</translation>
    </message>
    <message>
        <source>dropped on purpose (lossy: %1% of datagrams are lost), as a busy network might</source>
        <translation>故意丢弃（模拟丢包：%1% 的数据报会丢失），就像繁忙的网络那样</translation>
    </message>
    <message>
        <source>The server is not running.</source>
        <translation>服务器未在运行。</translation>
    </message>
    <message>
        <source>UDP has no connections: there is nothing to half-close or close for sender %1.</source>
        <translation>UDP 没有连接：对发送方 %1 而言，没有可以半关闭或关闭的东西。</translation>
    </message>
    <message>
        <source>Client %1 is no longer connected.</source>
        <translation>客户端 %1 已断开连接。</translation>
    </message>
</context>
<context>
    <name>swb::LookupPanel</name>
    <message>
        <source>Services and ports</source>
        <translation>服务与端口</translation>
    </message>
    <message>
        <source>Hosts and addresses</source>
        <translation>主机与地址</translation>
    </message>
    <message>
        <source>Address tools</source>
        <translation>地址工具</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>The service and host lookups above, as a Python program and as C++</source>
        <translation>上面的服务查询和主机查询，分别写成 Python 程序和 C++ 程序</translation>
    </message>
    <message>
        <source>A service name (http, ntp) or a port number (53)</source>
        <translation>服务名（http、ntp）或端口号（53）</translation>
    </message>
    <message>
        <source>any protocol (NULL)</source>
        <translation>任意协议（NULL）</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Service or port:</source>
        <translation>服务或端口：</translation>
    </message>
    <message>
        <source>This system</source>
        <translation>本系统</translation>
    </message>
    <message>
        <source>IANA registry (bundled)</source>
        <translation>IANA 注册表（内置）</translation>
    </message>
    <message>
        <source>Search both tables: ntp, 123, time, www, 53/udp</source>
        <translation>在两个表中搜索：ntp、123、time、www、53/udp</translation>
    </message>
    <message>
        <source>tcp and udp</source>
        <translation>tcp 和 udp</translation>
    </message>
    <message>
        <source>%L1 of %L2 rows</source>
        <translation>显示 %L1 / %L2 行</translation>
    </message>
    <message>
        <source>Double-click a row to look it up</source>
        <translation>双击某一行即可查询</translation>
    </message>
    <message>
        <source>Which port is a service on? getservbyname() and getservbyport()</source>
        <translation>服务在哪个端口上？getservbyname() 与 getservbyport()</translation>
    </message>
    <message>
        <source>Both tables</source>
        <translation>两张表</translation>
    </message>
    <message>
        <source>A host name (localhost) or an address (127.0.0.1, ::1)</source>
        <translation>主机名（localhost）或地址（127.0.0.1、::1）</translation>
    </message>
    <message>
        <source>Any (AF_UNSPEC)</source>
        <translation>任意（AF_UNSPEC）</translation>
    </message>
    <message>
        <source>IPv4 (AF_INET)</source>
        <translation>IPv4 (AF_INET)</translation>
    </message>
    <message>
        <source>IPv6 (AF_INET6)</source>
        <translation>IPv6 (AF_INET6)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop waiting: the answer, when it comes, is ignored</source>
        <translation>停止等待：之后到达的结果将被忽略</translation>
    </message>
    <message>
        <source>Cancelled: the resolver&apos;s answer will be ignored.</source>
        <translation>已取消：解析器的结果将被忽略。</translation>
    </message>
    <message>
        <source>Host or address:</source>
        <translation>主机或地址：</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>地址族</translation>
    </message>
    <message>
        <source>Socket type</source>
        <translation>套接字类型（socket type）</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Netmask</source>
        <translation>子网掩码</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Names and addresses: getaddrinfo(), getnameinfo(), gethostbyname_ex()</source>
        <translation>名称与地址：getaddrinfo()、getnameinfo()、gethostbyname_ex()</translation>
    </message>
    <message>
        <source>Text to packed bytes</source>
        <translation>文本转为打包字节</translation>
    </message>
    <message>
        <source>Packed bytes (hex) to text</source>
        <translation>打包字节（十六进制）转为文本</translation>
    </message>
    <message>
        <source>IPv4 text, with the old forms: 127.1, 0x7f.1, 2130706433</source>
        <translation>IPv4 文本，也支持旧写法：127.1、0x7f.1、2130706433</translation>
    </message>
    <message>
        <source>4 bytes (hex) to dotted text</source>
        <translation>4 字节（十六进制）转为点分文本</translation>
    </message>
    <message>
        <source>16-bit value, host to network order</source>
        <translation>16 位值，主机字节序转网络字节序</translation>
    </message>
    <message>
        <source>16-bit value, network to host order</source>
        <translation>16 位值，网络字节序转主机字节序</translation>
    </message>
    <message>
        <source>32-bit value, host to network order</source>
        <translation>32 位值，主机字节序转网络字节序</translation>
    </message>
    <message>
        <source>32-bit value, network to host order</source>
        <translation>32 位值，网络字节序转主机字节序</translation>
    </message>
    <message>
        <source>Protocol name to number</source>
        <translation>协议名转编号</translation>
    </message>
    <message>
        <source>Protocol number to name (the C library&apos;s; Python has no getprotobynumber)</source>
        <translation>协议编号转名称（C 库函数；Python 没有 getprotobynumber）</translation>
    </message>
    <message>
        <source>IPv4 to ::ffff:a.b.c.d, or back</source>
        <translation>IPv4 转为 ::ffff:a.b.c.d，或反向转换</translation>
    </message>
    <message>
        <source>The socket module&apos;s address tools: what each one returns, byte by byte</source>
        <translation>socket 模块的地址工具：每个函数返回什么，逐字节展示</translation>
    </message>
    <message>
        <source>packed, network order</source>
        <translation>打包形式，网络字节序</translation>
    </message>
    <message>
        <source>Back with inet_ntop:</source>
        <translation>用 inet_ntop 转回：</translation>
    </message>
    <message>
        <source>IPv4-mapped: %1. %2</source>
        <translation>IPv4 映射地址：%1。%2</translation>
    </message>
    <message>
        <source>As one 32-bit number:</source>
        <translation>作为一个 32 位整数：</translation>
    </message>
    <message>
        <source>Ignored after the whitespace: %1</source>
        <translation>空白之后的内容被忽略：%1</translation>
    </message>
    <message>
        <source>%1 in this machine&apos;s memory (%2)</source>
        <translation>%1 在本机内存中的字节（%2）</translation>
    </message>
    <message>
        <source>%1 in network order (big-endian)</source>
        <translation>%1 的网络字节序（大端）</translation>
    </message>
    <message>
        <source>%1&apos;s result in memory</source>
        <translation>%1 的结果在内存中的字节</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>别名：</translation>
    </message>
    <message>
        <source>IPv4 %1 as IPv6:</source>
        <translation>IPv4 %1 的 IPv6 形式：</translation>
    </message>
    <message>
        <source>Inside %1:</source>
        <translation>%1 内含的地址：</translation>
    </message>
    <message>
        <source>The 16 bytes:</source>
        <translation>这 16 个字节：</translation>
    </message>
    <message>
        <source>Asking which name has %1…</source>
        <translation>正在查询 %1 对应的名称…</translation>
    </message>
    <message>
        <source>Resolving %1…</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms.</source>
        <translation>%1 用时 %2 毫秒返回结果。</translation>
    </message>
    <message>
        <source>getaddrinfo(&quot;%1&quot;, NULL, hints with AI_CANONNAME) → canonical name: %2</source>
        <translation>getaddrinfo(&quot;%1&quot;, NULL, 带 AI_CANONNAME 的 hints) → 规范名：%2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Python: socket.gethostbyname_ex(&apos;%1&apos;) → %2</source>
        <translation>Python：socket.gethostbyname_ex(&apos;%1&apos;) → %2</translation>
    </message>
    <message>
        <source>getnameinfo(%1, NI_NAMEREQD) → %2</source>
        <translation>getnameinfo(%1, NI_NAMEREQD) → %2</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Python: socket.gethostbyaddr(&apos;%1&apos;) → %2</source>
        <translation>Python：socket.gethostbyaddr(&apos;%1&apos;) → %2</translation>
    </message>
    <message>
        <source>gethostname() → %1
getfqdn() → %2
has_ipv6 → %3</source>
        <translation>gethostname() → %1
getfqdn() → %2
has_ipv6 → %3</translation>
    </message>
    <message>
        <source>type a service or port, and a host or address</source>
        <translation>请输入服务或端口，以及主机或地址</translation>
    </message>
    <message>
        <source>Did you mean: %1?</source>
        <translation>你是不是要找：%1？</translation>
    </message>
    <message>
        <source>→ &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>→ &lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>→ port &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>→ 端口 &lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>/etc/services line %1:
%2</source>
        <translation>/etc/services 第 %1 行：
%2</translation>
    </message>
    <message>
        <source>This system has no /etc/services.</source>
        <translation>本系统没有 /etc/services。</translation>
    </message>
    <message>
        <source>→ not found (Python: OSError: service/proto not found)</source>
        <translation>→ 未找到（Python：OSError: service/proto not found）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2/%3 — %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2/%3 — %4</translation>
    </message>
    <message>
        <source>Not in the registry.</source>
        <translation>不在注册表中。</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Host or address</source>
        <translation>主机或地址</translation>
    </message>
    <message>
        <source>Service or port</source>
        <translation>服务或端口</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
</context>
<context>
    <name>swb::MainWindow</name>
    <message>
        <source>Socket Workbench</source>
        <translation>Socket Workbench</translation>
    </message>
    <message>
        <source>Show the local lab&apos;s services and their ports</source>
        <translation>显示本地实验室的服务及其端口</translation>
    </message>
    <message>
        <source>Connect &amp; Inspect</source>
        <translation>连接与检查</translation>
    </message>
    <message>
        <source>Listen Server</source>
        <translation>监听服务器</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>HTTP GET</source>
        <translation>HTTP GET</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>Time Query</source>
        <translation>时间查询</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Save &amp;Screenshot of This Panel…</source>
        <translation>保存此面板的截图(&amp;S)…</translation>
    </message>
    <message>
        <source>Save Screenshot at &amp;2×…</source>
        <translation>保存 2× 截图(&amp;2)…</translation>
    </message>
    <message>
        <source>Twice the pixels, for print and slides</source>
        <translation>像素翻倍，适合打印和幻灯片</translation>
    </message>
    <message>
        <source>&amp;Copy Screenshot of This Panel</source>
        <translation>复制此面板的截图(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Hide Addresses and Host Name</source>
        <translation>隐藏地址和主机名(&amp;H)</translation>
    </message>
    <message>
        <source>For screenshots and screen sharing: every address other than loopback, and this computer&apos;s name, are shown masked</source>
        <translation>用于截图和屏幕共享：除回环地址外的所有地址以及本机名称都会打码显示</translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation>实验室(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Services and Ports…</source>
        <translation>服务与端口(&amp;S)…</translation>
    </message>
    <message>
        <source>Start the local lab when the app starts</source>
        <translation>应用启动时启动本地实验室</translation>
    </message>
    <message>
        <source>Takes effect the next time Socket Workbench starts</source>
        <translation>下次启动 Socket Workbench 时生效</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode On/Off</source>
        <translation>演示模式开/关(&amp;P)</translation>
    </message>
    <message>
        <source>Switches between the normal view and the last presentation size</source>
        <translation>在普通视图和上次使用的演示尺寸之间切换</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>关(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;150 %</source>
        <translation>&amp;150 %</translation>
    </message>
    <message>
        <source>&amp;200 %</source>
        <translation>&amp;200 %</translation>
    </message>
    <message>
        <source>&amp;Larger</source>
        <translation>放大(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller</source>
        <translation>缩小(&amp;S)</translation>
    </message>
    <message>
        <source>High &amp;Contrast</source>
        <translation>高对比度(&amp;C)</translation>
    </message>
    <message>
        <source>Black on white (white on black on a dark desktop), for projectors; presentation mode turns it on unless you turn it off there</source>
        <translation>白底黑字（深色桌面上为黑底白字），适合投影仪；演示模式会自动开启它，除非你在那里把它关掉</translation>
    </message>
    <message>
        <source>Presentation mode: %1 % (%2 leaves it)</source>
        <translation>演示模式：%1 %（按 %2 退出）</translation>
    </message>
    <message>
        <source>Presentation mode off (%1 turns it on)</source>
        <translation>演示模式已关闭（按 %1 开启）</translation>
    </message>
    <message>
        <source>Screenshot saved: %1</source>
        <translation>截图已保存：%1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Screenshot of this panel copied to the clipboard</source>
        <translation>此面板的截图已复制到剪贴板</translation>
    </message>
    <message>
        <source>Save a 2× screenshot</source>
        <translation>保存 2× 截图</translation>
    </message>
    <message>
        <source>Save a screenshot</source>
        <translation>保存截图</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Lab: off</source>
        <translation>实验室：未开启</translation>
    </message>
    <message>
        <source>Lab: starting…</source>
        <translation>实验室：正在启动…</translation>
    </message>
    <message>
        <source>Lab: 1 service could not start</source>
        <translation>实验室：1 个服务无法启动</translation>
    </message>
    <message>
        <source>Lab: %1 services could not start</source>
        <translation>实验室：%1 个服务无法启动</translation>
    </message>
    <message>
        <source>Lab: 1 service on %1</source>
        <translation>实验室：%1 上有 1 个服务</translation>
    </message>
    <message>
        <source>Lab: %1 services on %2</source>
        <translation>实验室：%2 上有 %1 个服务</translation>
    </message>
    <message>
        <source>&amp;Language / 语言</source>
        <translation>语言(&amp;L) / Language</translation>
    </message>
    <message>
        <source>Follow the &amp;System (%1)</source>
        <translation>跟随系统(&amp;S)（%1）</translation>
    </message>
    <message>
        <source>The panels are rebuilt in the new language: what you typed is kept, the results of earlier runs are cleared</source>
        <translation>各面板会用新语言重建：你输入的内容会保留，之前运行的结果会被清除</translation>
    </message>
    <message>
        <source>Change the language?</source>
        <translation>切换语言？</translation>
    </message>
    <message>
        <source>Changing the language rebuilds the panels, and stops what runs in: %1. What you typed is kept.</source>
        <translation>切换语言会重建各面板，并停止以下面板中正在运行的任务：%1。你输入的内容会保留。</translation>
    </message>
    <message>
        <source>Stop and Change</source>
        <translation>停止并切换</translation>
    </message>
    <message>
        <source>The translation for %1 could not be loaded</source>
        <translation>无法加载 %1 的翻译</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>语言：%1</translation>
    </message>
    <message>
        <source>Save &amp;Transcript of the Last Run…</source>
        <translation>保存上次运行的记录(&amp;T)…</translation>
    </message>
    <message>
        <source>Markdown: the request, every step, the bytes as hex dumps, the result and the same program in Python</source>
        <translation>Markdown 格式：请求、每个步骤、字节的十六进制转储、结果，以及同样功能的 Python 程序</translation>
    </message>
    <message>
        <source>Copy Transcript as &amp;Text</source>
        <translation>以文本复制运行记录(&amp;T)</translation>
    </message>
    <message>
        <source>Nothing to write yet: run this panel first</source>
        <translation>还没有可写的内容：请先运行此面板</translation>
    </message>
    <message>
        <source>Transcript saved: %1</source>
        <translation>运行记录已保存：%1</translation>
    </message>
    <message>
        <source>Nothing to copy yet: run this panel first</source>
        <translation>还没有可复制的内容：请先运行此面板</translation>
    </message>
    <message>
        <source>Transcript of the last run copied to the clipboard as text</source>
        <translation>上次运行的记录已以文本形式复制到剪贴板</translation>
    </message>
    <message>
        <source>Save the transcript</source>
        <translation>保存运行记录</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
</context>
<context>
    <name>swb::ServerConnection</name>
    <message>
        <source>the client did not close in time</source>
        <translation>客户端未及时关闭</translation>
    </message>
    <message>
        <source>The client has read nothing for %1 s while output waits for it.</source>
        <translation>有输出等待发送，但客户端已有 %1 秒没有读取任何数据。</translation>
    </message>
    <message>
        <source>the client stopped reading</source>
        <translation>客户端停止了读取</translation>
    </message>
    <message>
        <source>Nothing sent or received for %1 s: the idle timeout closes this client.</source>
        <translation>%1 秒内没有任何收发：空闲超时，关闭此客户端。</translation>
    </message>
    <message>
        <source>idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>%1, discarded while closing</source>
        <translation>%1，在关闭过程中被丢弃</translation>
    </message>
    <message>
        <source>0 (the client closed its side)</source>
        <translation>0（客户端关闭了它那一端）</translation>
    </message>
    <message>
        <source>closed after the client&apos;s close</source>
        <translation>在客户端关闭后关闭</translation>
    </message>
    <message>
        <source>both sides done</source>
        <translation>双方均已完成</translation>
    </message>
    <message>
        <source>closed by the server after an error</source>
        <translation>出错后被服务器关闭</translation>
    </message>
    <message>
        <source>the server is stopping</source>
        <translation>服务器正在停止</translation>
    </message>
    <message>
        <source>Not sent: this connection&apos;s sending side is already closed (shutdown).</source>
        <translation>未发送：此连接的发送方向已关闭（shutdown）。</translation>
    </message>
    <message>
        <source>closed by the server&apos;s operator</source>
        <translation>由服务器操作者手动关闭</translation>
    </message>
    <message>
        <source>reset by the client</source>
        <translation>被客户端重置</translation>
    </message>
    <message>
        <source>after an error</source>
        <translation>出错之后</translation>
    </message>
</context>
<context>
    <name>swb::ServerConsole</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Close every client and the listening socket</source>
        <translation>关闭所有客户端和监听套接字</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新启动</translation>
    </message>
    <message>
        <source>Start this server again on the same port. Right after clients were connected, this shows what SO_REUSEADDR changes.</source>
        <translation>在同一端口上重新启动此服务器。如果刚刚还有客户端连接着，这能展示 SO_REUSEADDR 带来的区别。</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>关闭标签页</translation>
    </message>
    <message>
        <source>How to connect</source>
        <translation>如何连接</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>客户端：</translation>
    </message>
    <message>
        <source>Reply to send (\n \r \t \xNN work in text mode)</source>
        <translation>要发送的回复（文本模式下可用 \n \r \t \xNN）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Add \n</source>
        <translation>添加 \n</translation>
    </message>
    <message>
        <source>End the text with a newline, as pressing Enter in nc or telnet does</source>
        <translation>在文本末尾加上换行符，就像在 nc 或 telnet 中按 Enter 一样</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation>发给所有客户端</translation>
    </message>
    <message>
        <source>Half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR): tell this client we will send nothing more; it can still send, and we still read</source>
        <translation>shutdown(SHUT_WR)：告诉此客户端我们不会再发送数据；它仍可发送，我们也仍会读取</translation>
    </message>
    <message>
        <source>Close client</source>
        <translation>关闭客户端</translation>
    </message>
    <message>
        <source>close() this connection now, as conn.close() does in Python</source>
        <translation>立即 close() 此连接，相当于 Python 中的 conn.close()</translation>
    </message>
    <message>
        <source>Recent senders</source>
        <translation>最近的发送方</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Only the selected client</source>
        <translation>仅所选客户端</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <source>Data sent and received</source>
        <translation>发送和接收的数据</translation>
    </message>
    <message>
        <source>Connections opened and closed</source>
        <translation>连接的建立与关闭</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Server calls and notes</source>
        <translation>服务器调用与说明</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Show the data as hexadecimal bytes instead of text with escapes</source>
        <translation>以十六进制字节显示数据，而不是带转义的文本</translation>
    </message>
    <message>
        <source>Pause scrolling</source>
        <translation>暂停滚动</translation>
    </message>
    <message>
        <source>Keep the view still to read; events are still recorded</source>
        <translation>保持视图不动以便阅读；事件仍会记录</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the console as text or CSV (what the filters show)</source>
        <translation>将控制台内容保存为文本或 CSV（即筛选后显示的内容）</translation>
    </message>
    <message>
        <source>Console: every socket call and every byte, as it happens</source>
        <translation>控制台：每一次套接字（socket）调用、每一个字节，实时呈现</translation>
    </message>
    <message>
        <source>%1 over %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>正在启动 %1…</translation>
    </message>
    <message>
        <source>Listening on %1 — %2</source>
        <translation>正在 %1 上监听 —— %2</translation>
    </message>
    <message>
        <source>Bound to %1 — %2</source>
        <translation>已绑定到 %1 —— %2</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Stopped — %1</source>
        <translation>已停止 —— %1</translation>
    </message>
    <message>
        <source>Not running — %1</source>
        <translation>未运行 —— %1</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未在监听</translation>
    </message>
    <message>
        <source>Address %1&lt;br&gt;Port &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>地址 %1&lt;br&gt;端口 &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Bound to %1: other computers on the network can connect, not only this one.</source>
        <translation>已绑定到 %1：网络上的其他计算机也能连接，而不仅是本机。</translation>
    </message>
    <message>
        <source>Clients now %1 · total %2 · refused over the limit %3 · bytes in %4 · bytes out %5</source>
        <translation>当前客户端 %1 · 总计 %2 · 超限被拒 %3 · 收到字节 %4 · 发出字节 %5</translation>
    </message>
    <message>
        <source>Senders %1 · datagrams in %2 · datagrams out %3 · bytes in %4 · bytes out %5</source>
        <translation>发送方 %1 · 收到数据报 %2 · 发出数据报 %3 · 收到字节 %4 · 发出字节 %5</translation>
    </message>
    <message>
        <source> · lost on purpose %1 (%2 %)</source>
        <translation> · 故意丢弃 %1（%2 %）</translation>
    </message>
    <message>
        <source>The console keeps the newest %L1 events; %L2 older ones are no longer shown (the counters above still include them).</source>
        <translation>控制台只保留最新的 %L1 条事件；更早的 %L2 条已不再显示（上面的计数仍包含它们）。</translation>
    </message>
    <message>
        <source>Select a client to send to it, half-close it or close it.</source>
        <translation>选择一个客户端，即可向它发送数据、将它半关闭或关闭。</translation>
    </message>
    <message>
        <source>Select a sender to reply to it.</source>
        <translation>选择一个发送方，即可回复它。</translation>
    </message>
    <message>
        <source>Selected: client #%1</source>
        <translation>已选择：客户端 #%1</translation>
    </message>
    <message>
        <source>Nothing to send: type some text first.</source>
        <translation>没有可发送的内容：请先输入一些文本。</translation>
    </message>
    <message>
        <source>Export the console</source>
        <translation>导出控制台</translation>
    </message>
    <message>
        <source>Text (*.txt *.log)</source>
        <translation>文本 (*.txt *.log)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %L1 events to %2.</source>
        <translation>已将 %L1 条事件保存到 %2。</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>The server and its newest clients as lifelines; every accept, recv, send and close as an arrow or mark in time order</source>
        <translation>服务器和最新的几个客户端各有一条生命线；每次 accept、recv、send 和 close 都按时间顺序画成箭头或标记</translation>
    </message>
    <message>
        <source>Started again</source>
        <translation>再次启动</translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation>%1，端口 %2</translation>
    </message>
</context>
<context>
    <name>swb::ServerPanel</name>
    <message>
        <source>New server</source>
        <translation>新建服务器</translation>
    </message>
    <message>
        <source>TCP (SOCK_STREAM)</source>
        <translation>TCP (SOCK_STREAM)</translation>
    </message>
    <message>
        <source>UDP (SOCK_DGRAM)</source>
        <translation>UDP (SOCK_DGRAM)</translation>
    </message>
    <message>
        <source>Which address the server&apos;s socket is bound to: who can reach it</source>
        <translation>服务器套接字绑定到哪个地址：决定谁能访问它</translation>
    </message>
    <message>
        <source>A port number, a service name (echo, daytime), or 0 to let the system choose a free port</source>
        <translation>端口号、服务名（echo、daytime），或 0（由系统选择空闲端口）</translation>
    </message>
    <message>
        <source>listen(backlog): how many finished connections may wait for accept(). The seeds use 5; Linux caps it at net.core.somaxconn.</source>
        <translation>listen(backlog)：最多可以有多少个已完成的连接等待 accept()。示例程序使用 5；Linux 的上限是 net.core.somaxconn。</translation>
    </message>
    <message>
        <source>SO_REUSEADDR</source>
        <translation>SO_REUSEADDR</translation>
    </message>
    <message>
        <source>Lets the server bind its port again at once after a restart, while old connections wait in TIME_WAIT (about a minute). To see it: connect a client, Stop, then Start again — with it and without it.</source>
        <translation>让服务器重启后能立即重新绑定端口，即使旧连接还处于 TIME_WAIT（约一分钟）。想亲眼看看：连接一个客户端，点“停止”，再点“重新启动”——分别在开启和不开启此选项时各试一次。</translation>
    </message>
    <message>
        <source>Clients beyond this many are accepted and closed at once, and counted</source>
        <translation>超出此数量的客户端会在接受后立即被关闭，并计入统计</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>Close a client that sends and receives nothing for this long (TCP)</source>
        <translation>客户端在这么长时间内没有任何收发就关闭它（TCP）</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>UDP: drop this share of the datagrams on purpose, as a busy network might, so a class sees loss on one machine. TCP never loses data: it sends again.</source>
        <translation>UDP：按这个比例故意丢弃数据报，模拟繁忙的网络，让全班在一台机器上就能看到丢包。TCP 从不丢失数据：它会重传。</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>传输协议：</translation>
    </message>
    <message>
        <source>Behaviour:</source>
        <translation>行为：</translation>
    </message>
    <message>
        <source>Bind address:</source>
        <translation>绑定地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Backlog:</source>
        <translation>等待队列（backlog）：</translation>
    </message>
    <message>
        <source>Reuse address:</source>
        <translation>地址重用：</translation>
    </message>
    <message>
        <source>Maximum clients:</source>
        <translation>最大客户端数：</translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation>空闲超时：</translation>
    </message>
    <message>
        <source>Lose datagrams:</source>
        <translation>丢弃数据报：</translation>
    </message>
    <message>
        <source>The local lab is made of the same servers as the ones you start here, each a socket bound on 127.0.0.1 with a behaviour. They run while the app runs; this list is read-only (Lab menu: Services and Ports).</source>
        <translation>本地实验室由与这里相同的服务器组成，每个都是绑定在 127.0.0.1 上、具有某种行为的套接字。它们随应用一起运行；此列表只读（实验室菜单：服务与端口）。</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>传输协议</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Local lab (read-only)</source>
        <translation>本地实验室（只读）</translation>
    </message>
    <message>
        <source>Code for this form</source>
        <translation>此表单的代码</translation>
    </message>
    <message>
        <source>The server the form above describes, as a Python program (the seeds&apos; accept loop) and as C++ with Qt</source>
        <translation>上面表单所描述的服务器，分别写成 Python 程序（示例程序的 accept 循环）和使用 Qt 的 C++ 程序</translation>
    </message>
    <message>
        <source>Run a server and watch every client arrive</source>
        <translation>运行一个服务器，观察每个客户端的到来</translation>
    </message>
    <message>
        <source>127.0.0.1 — this computer only</source>
        <translation>127.0.0.1 —— 仅本机</translation>
    </message>
    <message>
        <source>::1 — this computer only (IPv6)</source>
        <translation>::1 —— 仅本机（IPv6）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>0.0.0.0 — all IPv4 interfaces</source>
        <translation>0.0.0.0 —— 所有 IPv4 网络接口</translation>
    </message>
    <message>
        <source>:: — all interfaces, IPv6 and IPv4</source>
        <translation>:: —— 所有网络接口，IPv6 和 IPv4</translation>
    </message>
    <message>
        <source>%1 works over TCP only; choose TCP or another behaviour.</source>
        <translation>%1 只能用于 TCP；请选择 TCP 或其他行为。</translation>
    </message>
    <message>
        <source>⚠ Every network this computer is on can reach the server: classmates, and anyone else on the same network.</source>
        <translation>⚠ 本机所在的每个网络都能访问此服务器：包括同学，以及同一网络上的任何其他人。</translation>
    </message>
    <message>
        <source>⚠ Other computers on this network can reach the server, not only this one.</source>
        <translation>⚠ 此网络上的其他计算机也能访问此服务器，而不仅是本机。</translation>
    </message>
    <message>
        <source>0 = any free port, chosen by the system</source>
        <translation>0 = 任意空闲端口，由系统选择</translation>
    </message>
    <message>
        <source>This system lets one program hold at most %1 sockets, fewer than the maximum of clients.</source>
        <translation>本系统允许一个程序最多持有 %1 个套接字，少于最大客户端数。</translation>
    </message>
    <message>
        <source> The local lab&apos;s %1 server listens there.</source>
        <translation> 本地实验室的 %1 服务器正在该端口监听。</translation>
    </message>
    <message>
        <source> Port %1 is free now; or use 0 for any free port.</source>
        <translation> 端口 %1 目前空闲；也可以用 0 表示任意空闲端口。</translation>
    </message>
    <message>
        <source> Use 0 for any free port.</source>
        <translation> 用 0 表示任意空闲端口。</translation>
    </message>
    <message>
        <source>Port %1 is already in use (Local error, EADDRINUSE).</source>
        <translation>端口 %1 已被占用（本地错误，EADDRINUSE）。</translation>
    </message>
    <message>
        <source>The local lab is off (Lab menu).</source>
        <translation>本地实验室未开启（见实验室菜单）。</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>监听中</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Bind address</source>
        <translation>绑定地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>0 (the system picks one)</source>
        <translation>0（由系统选择）</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Backlog（等待队列）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Maximum clients</source>
        <translation>最大客户端数</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Datagrams dropped on purpose</source>
        <translation>故意丢弃的数据报</translation>
    </message>
</context>
<context>
    <name>swb::ServiceTableModel</name>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>IANA</source>
        <translation>IANA</translation>
    </message>
    <message>
        <source>%1, line %2:
%3</source>
        <translation>%1 第 %2 行：
%3</translation>
    </message>
    <message>
        <source>IANA service name and port number registry (bundled, from %1)</source>
        <translation>IANA 服务名和端口号注册表（内置，来自 %1）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>swb::StepExplanationView</name>
    <message>
        <source>Select a step to see what it does</source>
        <translation>选择一个步骤，查看它的作用</translation>
    </message>
    <message>
        <source>The Python line that makes this call</source>
        <translation>发出此调用的 Python 代码行</translation>
    </message>
</context>
<context>
    <name>swb::TcpProbe</name>
    <message>
        <source>No answer within %1 s while waiting for %2().</source>
        <translation>等待 %2() 时，%1 秒内没有响应。</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>%1 秒后超时</translation>
    </message>
    <message>
        <source>Could not find the address of &apos;%1&apos;: %2</source>
        <translation>找不到“%1”的地址：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no IPv6 address. Choose IPv4 or Any.</source>
        <translation>“%1”没有 IPv6 地址。请选择 IPv4 或“任意”。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no IPv4 address. Choose IPv6 or Any.</source>
        <translation>“%1”没有 IPv4 地址。请选择 IPv6 或“任意”。</translation>
    </message>
    <message>
        <source>connect() to %1 failed: %2 (%3)</source>
        <translation>connect() 到 %1 失败：%2（%3）</translation>
    </message>
    <message>
        <source>trying the next address getaddrinfo returned</source>
        <translation>尝试 getaddrinfo 返回的下一个地址</translation>
    </message>
    <message>
        <source>0: the server closed the connection</source>
        <translation>0：服务器关闭了连接</translation>
    </message>
    <message>
        <source>The server closed the connection (recv() returned 0).</source>
        <translation>服务器关闭了连接（recv() 返回 0）。</translation>
    </message>
    <message>
        <source>The server reset the connection (recv() failed with ECONNRESET).</source>
        <translation>服务器重置了连接（recv() 失败，错误为 ECONNRESET）。</translation>
    </message>
    <message>
        <source>Cancelled before the connection was made.</source>
        <translation>在连接建立之前已取消。</translation>
    </message>
    <message>
        <source>You closed the connection.</source>
        <translation>你关闭了连接。</translation>
    </message>
</context>
<context>
    <name>swb::TimePanel</name>
    <message>
        <source>RFC 868 time</source>
        <translation>RFC 868 time 协议</translation>
    </message>
    <message>
        <source>4 bytes: the seconds since 1900, big-endian (port 37)</source>
        <translation>4 字节：自 1900 年起的秒数，大端序（端口 37）</translation>
    </message>
    <message>
        <source>RFC 867 daytime</source>
        <translation>RFC 867 daytime 协议</translation>
    </message>
    <message>
        <source>The date and time as a line of text (port 13)</source>
        <translation>以一行文本表示的日期和时间（端口 13）</translation>
    </message>
    <message>
        <source>SNTP v4 (RFC 4330)</source>
        <translation>SNTP v4（RFC 4330）</translation>
    </message>
    <message>
        <source>48 bytes with four timestamps: offset and delay (port 123, UDP only)</source>
        <translation>48 字节，含四个时间戳：可算出时钟偏差和往返延迟（端口 123，仅限 UDP）</translation>
    </message>
    <message>
        <source>Which time protocol to speak</source>
        <translation>使用哪种时间协议</translation>
    </message>
    <message>
        <source>UDP (SOCK_DGRAM)</source>
        <translation>UDP (SOCK_DGRAM)</translation>
    </message>
    <message>
        <source>TCP (SOCK_STREAM)</source>
        <translation>TCP (SOCK_STREAM)</translation>
    </message>
    <message>
        <source>UDP: sendto() one datagram, recvfrom() the reply. TCP: connect(), then recv() until the server closes.</source>
        <translation>UDP：用 sendto() 发送一个数据报，用 recvfrom() 接收回复。TCP：先 connect()，再 recv() 直到服务器关闭连接。</translation>
    </message>
    <message>
        <source>Attempts in all. UDP does not resend a lost datagram, so the panel asks again after each timeout (the seed said &quot;you may need to run it several times&quot;).</source>
        <translation>总共尝试的次数。UDP 不会重发丢失的数据报，所以每次超时后面板会再问一次（原示例程序也提示“可能需要多运行几次”）。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long to wait for each attempt&apos;s reply, like s.settimeout()</source>
        <translation>每次尝试等待回复的时长，相当于 s.settimeout()</translation>
    </message>
    <message>
        <source>Local lab (127.0.0.1)</source>
        <translation>本地实验室（127.0.0.1）</translation>
    </message>
    <message>
        <source>Local lab (off: 127.0.0.1)</source>
        <translation>本地实验室（未开启：127.0.0.1）</translation>
    </message>
    <message>
        <source>%1 (needs Internet; firewalls may block UDP)</source>
        <translation>%1（需要联网；防火墙可能拦截 UDP）</translation>
    </message>
    <message>
        <source>Other: the host and port typed below</source>
        <translation>其他：使用下面填写的主机和端口</translation>
    </message>
    <message>
        <source>The US National Institute of Standards and Technology: time, daytime and SNTP</source>
        <translation>美国国家标准与技术研究院（NIST）：提供 time、daytime 和 SNTP</translation>
    </message>
    <message>
        <source>A volunteer pool of NTP servers: SNTP only</source>
        <translation>由志愿者维护的 NTP 服务器池：仅支持 SNTP</translation>
    </message>
    <message>
        <source>Fills in the host and port. Nothing is sent until you press Ask.</source>
        <translation>填入主机和端口。按下“询问”之前不会发送任何数据。</translation>
    </message>
    <message>
        <source>The time server: a host name or an address. Names are resolved with getaddrinfo().</source>
        <translation>时间服务器：主机名或地址。主机名用 getaddrinfo() 解析。</translation>
    </message>
    <message>
        <source>A port number (1 to 65535) or a service name. Empty: the protocol&apos;s own service (time, daytime or ntp), looked up with getservbyname().</source>
        <translation>端口号（1 到 65535）或服务名。留空：使用该协议自己的服务（time、daytime 或 ntp），用 getservbyname() 查询。</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>询问(&amp;A)</translation>
    </message>
    <message>
        <source>socket(), then sendto() a request and recvfrom() the reply with a timeout (UDP), or connect() and recv() until the server closes (TCP)</source>
        <translation>先 socket()，然后用 sendto() 发出请求、用 recvfrom() 带超时接收回复（UDP），或者 connect() 后一直 recv() 直到服务器关闭连接（TCP）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop waiting: the query is cancelled and its socket closed with close()</source>
        <translation>停止等待：取消查询，并用 close() 关闭它的套接字</translation>
    </message>
    <message>
        <source>Atte&amp;mpts:</source>
        <translation>尝试次数(&amp;M)：</translation>
    </message>
    <message>
        <source>Time&amp;out each:</source>
        <translation>每次超时(&amp;O)：</translation>
    </message>
    <message>
        <source>Ask a time server</source>
        <translation>询问时间服务器</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>协议(&amp;P)：</translation>
    </message>
    <message>
        <source>T&amp;ransport:</source>
        <translation>传输协议(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>Port or ser&amp;vice:</source>
        <translation>端口或服务(&amp;V)：</translation>
    </message>
    <message>
        <source>The server&apos;s time beside this computer&apos;s clock when the reply came</source>
        <translation>收到回复时，服务器的时间与本机时钟的对照</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Offset and delay: the four timestamps</source>
        <translation>时钟偏差与往返延迟：四个时间戳</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>The 32-bit count of seconds since 1900 wraps around on 2036-02-07 06:28:16 UTC and starts again at 0; the decoding picks the era that puts the time closest to your clock (RFC 4330 section 3).</source>
        <translation>自 1900 年起计数的 32 位秒数会在 2036-02-07 06:28:16 UTC 回绕，从 0 重新开始；解码时选取使时间最接近本机时钟的那个纪元（RFC 4330 第 3 节）。</translation>
    </message>
    <message>
        <source>The server&apos;s clock and yours</source>
        <translation>服务器的时钟与你的时钟</translation>
    </message>
    <message>
        <source>Steps: the socket calls, in order (each attempt too)</source>
        <translation>步骤：按顺序列出的套接字（socket）调用（每次尝试都列出）</translation>
    </message>
    <message>
        <source>The same as a program</source>
        <translation>等效程序</translation>
    </message>
    <message>
        <source>SNTP runs over UDP only: RFC 4330 defines no TCP transport</source>
        <translation>SNTP 只能基于 UDP 运行：RFC 4330 没有定义 TCP 传输</translation>
    </message>
    <message>
        <source>SNTP runs over UDP only: RFC 4330 defines no TCP transport, so TCP cannot be chosen.</source>
        <translation>SNTP 只能基于 UDP 运行：RFC 4330 没有定义 TCP 传输，因此不能选择 TCP。</translation>
    </message>
    <message>
        <source>empty: the %1 service (port %2)</source>
        <translation>留空：%1 服务（端口 %2）</translation>
    </message>
    <message>
        <source>RFC 868: an empty datagram (or just a TCP connection) to port 37; 4 bytes come back, the seconds since 1900 as a big-endian number.</source>
        <translation>RFC 868：向端口 37 发送一个空数据报（或只建立一个 TCP 连接）；返回 4 个字节，即自 1900 年起的秒数，按大端序存放。</translation>
    </message>
    <message>
        <source>RFC 867: an empty datagram (or just a TCP connection) to port 13; the date comes back as a line of text, in a format the RFC leaves to the server.</source>
        <translation>RFC 867：向端口 13 发送一个空数据报（或只建立一个 TCP 连接）；返回一行文本形式的日期，格式由服务器自定，RFC 未作规定。</translation>
    </message>
    <message>
        <source>SNTP v4: a 48-byte request to port 123, a 48-byte reply with four timestamps. UDP only: RFC 4330 defines no TCP transport, so TCP is off.</source>
        <translation>SNTP v4：向端口 123 发送 48 字节的请求，收到 48 字节、带四个时间戳的回复。仅限 UDP：RFC 4330 没有定义 TCP 传输，因此 TCP 不可选。</translation>
    </message>
    <message>
        <source>The local lab is off: 127.0.0.1 at the protocol&apos;s own port.</source>
        <translation>本地实验室未开启：使用 127.0.0.1 上该协议自己的端口。</translation>
    </message>
    <message>
        <source>The lab is starting…</source>
        <translation>实验室正在启动…</translation>
    </message>
    <message>
        <source>The lab has no %1 server over %2 running.</source>
        <translation>实验室没有运行基于 %2 的 %1 服务器。</translation>
    </message>
    <message>
        <source>The lab&apos;s %1 server on this computer: no Internet needed.</source>
        <translation>实验室在本机上的 %1 服务器：无需联网。</translation>
    </message>
    <message>
        <source>An outside server: needs Internet, and firewalls often block UDP. Nothing is sent until you press Ask.</source>
        <translation>外部服务器：需要联网，而且防火墙常会拦截 UDP。按下“询问”之前不会发送任何数据。</translation>
    </message>
    <message>
        <source>An outside server that answers SNTP only: needs Internet. Nothing is sent until you press Ask.</source>
        <translation>只支持 SNTP 的外部服务器：需要联网。按下“询问”之前不会发送任何数据。</translation>
    </message>
    <message>
        <source>Asking %1 (%2 over %3)…</source>
        <translation>正在询问 %1（基于 %3 的 %2）…</translation>
    </message>
    <message>
        <source>%1 answered on attempt %2 of %3 (%4 over %5).</source>
        <translation>%1 在第 %2 次尝试（共 %3 次）时作了回答（基于 %5 的 %4）。</translation>
    </message>
    <message>
        <source>Stopped: you cancelled the query during attempt %1 of %2.</source>
        <translation>已停止：你在第 %1 次尝试（共 %2 次）时取消了查询。</translation>
    </message>
    <message>
        <source>No time from %1 after %2 of %3 attempts.</source>
        <translation>尝试了 %2 次（共 %3 次），仍未从 %1 得到时间。</translation>
    </message>
    <message>
        <source>Not asked: see the message below.</source>
        <translation>未询问：见下方消息。</translation>
    </message>
    <message>
        <source>Server: %1
Your clock: %1
Difference: %1</source>
        <translation>服务器：%1
你的时钟：%1
相差：%1</translation>
    </message>
    <message>
        <source>The reply, decoded step by step</source>
        <translation>逐步解码回复</translation>
    </message>
    <message>
        <source>Press Ask: the reply is decoded here, byte by byte.</source>
        <translation>按下“询问”：回复会在这里逐字节解码。</translation>
    </message>
    <message>
        <source>Not asked yet.</source>
        <translation>尚未询问。</translation>
    </message>
    <message>
        <source>No reply came, so there is nothing to decode.</source>
        <translation>没有收到回复，因此没有可解码的内容。</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>没有发送任何数据。</translation>
    </message>
    <message>
        <source>Text as received (%1): %2</source>
        <translation>收到的文本（%1）：%2</translation>
    </message>
    <message>
        <source>Reply bytes (%1): %2</source>
        <translation>回复字节（%1）：%2</translation>
    </message>
    <message>
        <source>RFC 868 decoding, step by step</source>
        <translation>RFC 868 逐步解码</translation>
    </message>
    <message>
        <source>RFC 867 daytime: the text and its parts</source>
        <translation>RFC 867 daytime：文本及其各部分</translation>
    </message>
    <message>
        <source>Format not recognised: %1</source>
        <translation>无法识别的格式：%1</translation>
    </message>
    <message>
        <source>Recognised format: %1</source>
        <translation>识别出的格式：%1</translation>
    </message>
    <message>
        <source>SNTP reply: every field of the 48-byte header</source>
        <translation>SNTP 回复：48 字节首部的每个字段</translation>
    </message>
    <message>
        <source>θ (offset): %1</source>
        <translation>θ（时钟偏差）：%1</translation>
    </message>
    <message>
        <source>δ (delay): %1</source>
        <translation>δ（往返延迟）：%1</translation>
    </message>
    <message>
        <source>unknown: the reply held no time to compare</source>
        <translation>未知：回复中没有可供比较的时间</translation>
    </message>
    <message>
        <source>the clocks agree to the millisecond</source>
        <translation>两个时钟精确到毫秒一致</translation>
    </message>
    <message>
        <source>the clocks agree to the second</source>
        <translation>两个时钟精确到秒一致</translation>
    </message>
    <message>
        <source>server is %1 s ahead</source>
        <translation>服务器快 %1 秒</translation>
    </message>
    <message>
        <source>server is %1 s behind</source>
        <translation>服务器慢 %1 秒</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Your clock:</source>
        <translation>你的时钟：</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>相差：</translation>
    </message>
</context>
<context>
    <name>swb::TimeQuery</name>
    <message>
        <source>Not started: another query took its place.</source>
        <translation>未开始：另一个查询取代了它。</translation>
    </message>
    <message>
        <source>Give a host name or address (127.0.0.1, time.nist.gov).</source>
        <translation>请给出主机名或地址（127.0.0.1、time.nist.gov）。</translation>
    </message>
    <message>
        <source>SNTP runs over UDP only (RFC 4330); use --transport udp, or the time or daytime protocol over TCP.</source>
        <translation>SNTP 只能基于 UDP 运行（RFC 4330）；请使用 --transport udp，或改用基于 TCP 的 time 或 daytime 协议。</translation>
    </message>
    <message>
        <source>Retries must be a number of attempts from 1 to %1.</source>
        <translation>重试次数必须在 1 到 %1 次之间。</translation>
    </message>
    <message>
        <source>The timeout must be from 1 ms to one hour.</source>
        <translation>超时必须在 1 毫秒到 1 小时之间。</translation>
    </message>
    <message>
        <source>not in the service table: the well-known port %1 is used</source>
        <translation>服务表中没有：改用知名端口 %1</translation>
    </message>
    <message>
        <source>attempt %1 of %2 (%3 over %4, timeout %5 ms)</source>
        <translation>第 %1 次尝试，共 %2 次（基于 %4 的 %3，超时 %5 毫秒）</translation>
    </message>
    <message>
        <source>no reply within %1 ms</source>
        <translation>%1 毫秒内没有回复</translation>
    </message>
    <message>
        <source>The server sent more than %1 bytes; a time or daytime reply is a few bytes. It began with: %2</source>
        <translation>服务器发来了超过 %1 字节的数据，而 time 或 daytime 的回复只有几个字节。它的开头是：%2</translation>
    </message>
    <message>
        <source>no connection within %1 ms</source>
        <translation>%1 毫秒内未能建立连接</translation>
    </message>
    <message>
        <source>the server closed the connection without sending anything</source>
        <translation>服务器没有发送任何数据就关闭了连接</translation>
    </message>
    <message>
        <source>the server did not close the connection within %1 ms; decoding the %2 that came</source>
        <translation>服务器在 %1 毫秒内没有关闭连接；对已收到的 %2 进行解码</translation>
    </message>
    <message>
        <source>nothing received within %1 ms</source>
        <translation>%1 毫秒内没有收到任何数据</translation>
    </message>
    <message>
        <source>attempt %1 of %2: %3</source>
        <translation>第 %1 次尝试（共 %2 次）：%3</translation>
    </message>
    <message>
        <source>1 attempt</source>
        <translation>1 次尝试</translation>
    </message>
    <message>
        <source>%1 attempts</source>
        <translation>%1 次尝试</translation>
    </message>
    <message>
        <source>No reply after %1 of %2 ms each. UDP does not resend a lost datagram, and a firewall may block UDP.</source>
        <translation>%1（每次等待 %2 毫秒）后仍无回复。UDP 不会重发丢失的数据报，而且防火墙可能拦截 UDP。</translation>
    </message>
    <message>
        <source>No answer after %1 of %2 ms each; a firewall may block the port.</source>
        <translation>%1（每次等待 %2 毫秒）后仍无应答；防火墙可能拦截了该端口。</translation>
    </message>
    <message>
        <source>%1 is an outside host: this needs Internet access.</source>
        <translation>%1 是外部主机：需要能访问互联网。</translation>
    </message>
    <message>
        <source>RFC 868 counts whole seconds: the difference is exact only to a second.</source>
        <translation>RFC 868 以整秒计数：相差值只精确到秒。</translation>
    </message>
    <message>
        <source>The offset θ allows for the time the request and reply spent on the way.</source>
        <translation>时钟偏差 θ 扣除了请求和回复在路上花费的时间。</translation>
    </message>
    <message>
        <source>The reply names no time zone: it was read as this machine&apos;s local time.</source>
        <translation>回复没有注明时区：已按本机的本地时间解读。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>swb::TimingWaterfall</name>
    <message>
        <source>%1 ns</source>
        <translation>%1 纳秒</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>总计 %1</translation>
    </message>
    <message>
        <source>failed in %1</source>
        <translation>%1 阶段失败</translation>
    </message>
    <message>
        <source>%1 still running</source>
        <translation>%1 仍在进行</translation>
    </message>
    <message>
        <source>Started at %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <source>Still running after %1</source>
        <translation>已进行 %1，仍未结束</translation>
    </message>
    <message>
        <source>Failed at %1</source>
        <translation>失败于 %1</translation>
    </message>
    <message>
        <source>Failed after %1</source>
        <translation>耗时 %1 后失败</translation>
    </message>
    <message>
        <source>Ended at %1</source>
        <translation>结束于 %1</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>耗时 %1</translation>
    </message>
    <message>
        <source>Run a request to see how long each stage takes.</source>
        <translation>发出一个请求，即可看到每个阶段各花了多长时间。</translation>
    </message>
    <message>
        <source>failed after %1</source>
        <translation>%1 后失败</translation>
    </message>
</context>
<context>
    <name>swb::Tour</name>
    <message>
        <source>A TCP connection to the lab&apos;s echo service: the steps from getaddrinfo() to recv(), both endpoints, and &quot;hello&quot; sent and echoed back.</source>
        <translation>到实验室回显服务的一个 TCP 连接：从 getaddrinfo() 到 recv() 的各个步骤、两个端点，以及发出并被回显回来的“hello”。</translation>
    </message>
    <message>
        <source>A TCP server of the &quot;timestamp&quot; behaviour, started from the form on a port the system chose, with one client connected and answered: its row in the client table, how to connect, and the console of the server&apos;s socket calls.</source>
        <translation>一个采用“timestamp”行为的 TCP 服务器，从表单启动，端口由系统选择，已有一个客户端连接并得到回复：客户端表中它的那一行、连接方法，以及记录服务器套接字调用的控制台。</translation>
    </message>
    <message>
        <source>The service &quot;http&quot; looked up in this system&apos;s /etc/services and in the IANA registry.</source>
        <translation>在本系统的 /etc/services 和 IANA 注册表中查询服务“http”。</translation>
    </message>
    <message>
        <source>A GET of the lab web server&apos;s / over a bare socket: the request, the status, the steps and their timing.</source>
        <translation>通过裸套接字对实验室 Web 服务器的 / 发出 GET：请求、状态、步骤及各步耗时。</translation>
    </message>
    <message>
        <source>Five UDP datagrams 20 ms apart sent to the lab&apos;s echo service, with the replies, their senders and what was lost.</source>
        <translation>向实验室的回显服务发送五个 UDP 数据报，每隔 20 毫秒一个，并显示回复、回复的发送方以及丢失了哪些。</translation>
    </message>
    <message>
        <source>The lab&apos;s time service asked over UDP (RFC 868): the 4 bytes of the reply decoded step by step into a date.</source>
        <translation>通过 UDP 询问实验室的 time 服务（RFC 868）：把回复的 4 个字节逐步解码成日期。</translation>
    </message>
    <message>
        <source>the main window has no panel named &apos;%1&apos;</source>
        <translation>主窗口中没有名为“%1”的面板</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>the picture is blank (%1 colours)</source>
        <translation>截图是空白的（只有 %1 种颜色）</translation>
    </message>
    <message>
        <source>no way to drive the panel &apos;%1&apos;</source>
        <translation>无法操作面板“%1”</translation>
    </message>
    <message>
        <source>the Connect button is disabled</source>
        <translation>“连接”按钮不可用</translation>
    </message>
    <message>
        <source>not connected to the lab&apos;s echo service within %1 s</source>
        <translation>%1 秒内未能连上实验室的回显服务</translation>
    </message>
    <message>
        <source>the echo of &quot;hello&quot; did not come back within %1 s</source>
        <translation>“hello”的回显没有在 %1 秒内返回</translation>
    </message>
    <message>
        <source>the server panel is not a ServerPanel</source>
        <translation>服务器面板不是 ServerPanel</translation>
    </message>
    <message>
        <source>no server started</source>
        <translation>没有启动服务器</translation>
    </message>
    <message>
        <source>the server did not start listening within %1 s</source>
        <translation>服务器没有在 %1 秒内开始监听</translation>
    </message>
    <message>
        <source>the server failed to start</source>
        <translation>服务器启动失败</translation>
    </message>
    <message>
        <source>the tour&apos;s client could not connect to the server</source>
        <translation>导览的客户端无法连接到服务器</translation>
    </message>
    <message>
        <source>the server did not answer the tour&apos;s client</source>
        <translation>服务器没有回复导览的客户端</translation>
    </message>
    <message>
        <source>the client table stayed empty</source>
        <translation>客户端表一直是空的</translation>
    </message>
    <message>
        <source>no answer for the service &quot;http&quot;</source>
        <translation>服务“http”没有查询结果</translation>
    </message>
    <message>
        <source>the HTTP panel has no session</source>
        <translation>HTTP 面板没有会话</translation>
    </message>
    <message>
        <source>the GET button is disabled</source>
        <translation>“GET”按钮不可用</translation>
    </message>
    <message>
        <source>no response from the lab&apos;s web server within %1 s</source>
        <translation>%1 秒内没有收到实验室 Web 服务器的响应</translation>
    </message>
    <message>
        <source>the GET failed: %1</source>
        <translation>GET 失败：%1</translation>
    </message>
    <message>
        <source>the UDP panel is not a UdpPanel</source>
        <translation>UDP 面板不是 UdpPanel</translation>
    </message>
    <message>
        <source>the Send button is disabled</source>
        <translation>“发送”按钮不可用</translation>
    </message>
    <message>
        <source>the datagrams&apos; run did not finish within %1 s</source>
        <translation>这一轮数据报没有在 %1 秒内完成</translation>
    </message>
    <message>
        <source>the Ask button is disabled</source>
        <translation>“询问”按钮不可用</translation>
    </message>
    <message>
        <source>no answer from the lab&apos;s time service within %1 s</source>
        <translation>%1 秒内没有收到实验室 time 服务的回答</translation>
    </message>
    <message>
        <source>the query failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <source>Starts the local lab, drives every panel through a real run against it and saves a picture of each (NN-panel.png) with an index.md that shows them. Needs no display.</source>
        <translation>启动本地实验室，让每个面板对它真实运行一遍，并为每个面板保存一张截图（NN-panel.png），另生成一个展示这些截图的 index.md。不需要显示器。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>The folder for the pictures and index.md (created if needed).</source>
        <translation>存放截图和 index.md 的文件夹（必要时自动创建）。</translation>
    </message>
    <message>
        <source>The language of the app: en or zh_CN.</source>
        <translation>应用的语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <source>1 or 2: pictures of 1100x720 or 2200x1440 pixels.</source>
        <translation>1 或 2：截图为 1100x720 或 2200x1440 像素。</translation>
    </message>
    <message>
        <source>Only these panels, comma-separated: %1.</source>
        <translation>只处理这些面板，用逗号分隔：%1。</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>意外的参数“%1”</translation>
    </message>
    <message>
        <source>--out DIR is required: the folder for the pictures</source>
        <translation>必须给出 --out DIR：存放截图的文件夹</translation>
    </message>
    <message>
        <source>--lang takes en or zh_CN, not &apos;%1&apos;</source>
        <translation>--lang 只接受 en 或 zh_CN，不接受“%1”</translation>
    </message>
    <message>
        <source>--scale takes 1 or 2, not &apos;%1&apos;</source>
        <translation>--scale 只接受 1 或 2，不接受“%1”</translation>
    </message>
    <message>
        <source>--panels: no panel named &apos;%1&apos; (%2)</source>
        <translation>--panels：没有名为“%1”的面板（%2）</translation>
    </message>
    <message>
        <source>--panels names no panel</source>
        <translation>--panels 没有指定任何面板</translation>
    </message>
    <message>
        <source>socket-workbench tour: cannot create the folder %1</source>
        <translation>socket-workbench tour：无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>socket-workbench tour: the local lab did not start within %1 s</source>
        <translation>socket-workbench tour：本地实验室没有在 %1 秒内启动</translation>
    </message>
    <message>
        <source>Lab on %1: %2</source>
        <translation>实验室位于 %1：%2</translation>
    </message>
    <message>
        <source>Pictures in %1, shown by %2 (%3 ms in all).</source>
        <translation>截图保存在 %1，由 %2 展示（共用时 %3 毫秒）。</translation>
    </message>
    <message>
        <source>socket-workbench tour: could not write index.md in %1</source>
        <translation>socket-workbench tour：无法在 %1 中写入 index.md</translation>
    </message>
    <message>
        <source>socket-workbench tour: these panels did not give a good picture: %1</source>
        <translation>socket-workbench tour：以下面板没有得到合格的截图：%1</translation>
    </message>
    <message>
        <source>socket-workbench tour: the translation for %1 could not be loaded</source>
        <translation>socket-workbench tour：无法加载 %1 的翻译</translation>
    </message>
    <message>
        <source># Socket Workbench: a tour of the panels</source>
        <translation># Socket Workbench：各面板一览</translation>
    </message>
    <message>
        <source>Taken %1 with socket-workbench %2, at scale %3.</source>
        <translation>截于 %1，socket-workbench %2，缩放 %3 倍。</translation>
    </message>
    <message>
        <source>Every run went to the local lab on %1 only (%2).</source>
        <translation>每次运行都只连接 %1 上的本地实验室（%2）。</translation>
    </message>
    <message>
        <source>the panel has no transcript of its run</source>
        <translation>该面板没有这次运行的记录</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>注意：</translation>
    </message>
    <message>
        <source>Transcript of the run</source>
        <translation>本次运行的记录</translation>
    </message>
</context>
<context>
    <name>swb::TraceModel</name>
    <message>
        <source>Time (ms)</source>
        <translation>时间（毫秒）</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>swb::UdpDatagramModel</name>
    <message>
        <source>%1 (cut to %2)</source>
        <translation>%1（截断为 %2）</translation>
    </message>
    <message>
        <source>→ sent: datagram number %1 of this socket</source>
        <translation>→ 发送：本套接字发出的第 %1 个数据报</translation>
    </message>
    <message>
        <source>← received: the reply to #%1. UDP has no sequence numbers: this is taken as the reply to #%1 because it echoes its bytes, or came while #%1 was the newest waiting for a reply</source>
        <translation>← 接收：对 #%1 的回复。UDP 没有序号：之所以认作 #%1 的回复，是因为它回显了那个数据报的字节，或者它到达时 #%1 是最新一个等待回复的数据报</translation>
    </message>
    <message>
        <source>← received, but every datagram sent already had a reply: this one answers none of them</source>
        <translation>← 接收，但每个已发送的数据报都已有回复：这一个不对应其中任何一个</translation>
    </message>
    <message>
        <source>Where sendto() sent it</source>
        <translation>sendto() 把它发往何处</translation>
    </message>
    <message>
        <source>Who sent it, as recvfrom() returns it</source>
        <translation>谁发送了它（即 recvfrom() 返回的地址）</translation>
    </message>
    <message>
        <source>The datagram had %1 bytes but the read buffer took only %2: recvfrom() discards the rest of a datagram (MSG_TRUNC)</source>
        <translation>该数据报有 %1 字节，但读缓冲区只收下了 %2：recvfrom() 会丢弃数据报的其余部分（MSG_TRUNC）</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 字节</translation>
    </message>
    <message>
        <source>Round-trip time: from sending the datagram to receiving its reply</source>
        <translation>往返时间：从发送数据报到收到其回复</translation>
    </message>
    <message>
        <source>Bytes: %1
Read as %2</source>
        <translation>字节：%1
按 %2 解读</translation>
    </message>
    <message>
        <source>Datagram</source>
        <translation>数据报</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>RTT (ms)</source>
        <translation>RTT（毫秒）</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>→ #3: the third datagram sent; ← #3: the reply to it</source>
        <translation>→ #3：发送的第三个数据报；← #3：对它的回复</translation>
    </message>
    <message>
        <source>Where a datagram went, or who sent it (recvfrom returns it)</source>
        <translation>数据报发往何处，或由谁发来（recvfrom 返回）</translation>
    </message>
    <message>
        <source>Round-trip time in milliseconds: from sending a datagram to receiving its reply</source>
        <translation>往返时间，单位毫秒：从发送数据报到收到其回复</translation>
    </message>
    <message>
        <source>The bytes read as text in the chosen encoding; control characters are shown as symbols</source>
        <translation>按所选编码把字节读作文本；控制字符以符号显示</translation>
    </message>
</context>
<context>
    <name>swb::UdpPanel</name>
    <message>
        <source>Type a number of bytes, such as 65508.</source>
        <translation>请输入字节数，例如 65508。</translation>
    </message>
    <message>
        <source>At most %L1 bytes here.</source>
        <translation>这里最多 %L1 字节。</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Which kind of address to use: the first argument of socket.socket(). Any uses the first IPv4 address, as gethostbyname() does.</source>
        <translation>使用哪类地址：即 socket.socket() 的第一个参数。“任意”使用第一个 IPv4 地址，和 gethostbyname() 一样。</translation>
    </message>
    <message>
        <source>Unconnected: sendto / recvfrom</source>
        <translation>未连接：sendto / recvfrom</translation>
    </message>
    <message>
        <source>Connected: connect, send / recv</source>
        <translation>已连接：connect、send / recv</translation>
    </message>
    <message>
        <source>Both, side by side</source>
        <translation>两者并排</translation>
    </message>
    <message>
        <source>Unconnected: every datagram names its destination (sendto) and replies from anyone are read (recvfrom). Connected: connect() only records the peer; the system then keeps only the peer&apos;s datagrams and reports an ICMP port-unreachable as ECONNREFUSED. Both: the same send from two sockets at once.</source>
        <translation>未连接：每个数据报都注明目的地（sendto），任何人发来的回复都会被读取（recvfrom）。已连接：connect() 只记下对端；此后系统只保留对端发来的数据报，并把 ICMP 端口不可达报告为 ECONNREFUSED。两者：用两个套接字同时做同样的发送。</translation>
    </message>
    <message>
        <source>A host name or an address (127.0.0.1, ::1, or a broadcast address such as 255.255.255.255 with the broadcast option)</source>
        <translation>主机名或地址（127.0.0.1、::1，或打开广播选项后使用广播地址，如 255.255.255.255）</translation>
    </message>
    <message>
        <source>A port number (1 to 65535) or a service name, looked up with getservbyname(name, &apos;udp&apos;)</source>
        <translation>端口号（1 到 65535）或服务名，用 getservbyname(name, &apos;udp&apos;) 查询</translation>
    </message>
    <message>
        <source>system picks</source>
        <translation>系统选择</translation>
    </message>
    <message>
        <source>s.bind((&apos;&apos;, port)) before sending. Left at “system picks”, the system gives the socket a free port at its first send.</source>
        <translation>发送前先执行 s.bind((&apos;&apos;, port))。保持“系统选择”时，系统会在第一次发送时为套接字分配一个空闲端口。</translation>
    </message>
    <message>
        <source>Empty: an empty datagram (legal; RFC 868 time sends one)</source>
        <translation>空：发送空数据报（合法；RFC 868 time 协议就发送空数据报）</translation>
    </message>
    <message>
        <source>Text (\r \n \t \xNN escapes)</source>
        <translation>文本（可用 \r \n \t \xNN 转义）</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Size: that many &apos;x&apos; bytes</source>
        <translation>大小：相应数量的 &apos;x&apos; 字节</translation>
    </message>
    <message>
        <source>Text is sent as UTF-8, with escapes for bytes you cannot type. Hex: bytes as hex digits. Size: a number, to try the size limits.</source>
        <translation>文本以 UTF-8 发送，无法键入的字节可用转义表示。十六进制：以十六进制数字给出字节。大小：给出一个数字，用来试探大小上限。</translation>
    </message>
    <message>
        <source>How many times to send the payload</source>
        <translation>载荷要发送几次</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>The pause between two sends (0: as fast as the socket takes them)</source>
        <translation>两次发送之间的间隔（0：套接字能收多快就发多快）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long to keep reading after the last send. UDP never says that the other side is done, so a client can only wait (the seed&apos;s program waits for ever).</source>
        <translation>最后一次发送后还要继续读取多久。UDP 从不告知对方已经结束，所以客户端只能等待（原示例程序会一直等下去）。</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>recvfrom(bufsize): a datagram larger than this is cut, and the rest is lost</source>
        <translation>recvfrom(bufsize)：大于此值的数据报会被截断，其余部分丢失</translation>
    </message>
    <message>
        <source>Stop waiting once every datagram has a reply</source>
        <translation>每个数据报都收到回复后就停止等待</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop sending and receiving, and close the socket</source>
        <translation>停止发送和接收，并关闭套接字</translation>
    </message>
    <message>
        <source>Send datagrams</source>
        <translation>发送数据报（datagram）</translation>
    </message>
    <message>
        <source>Lab &amp;service:</source>
        <translation>实验室服务(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Family:</source>
        <translation>地址族(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port or service:</source>
        <translation>端口或服务(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Bind local port:</source>
        <translation>绑定本地端口(&amp;B)：</translation>
    </message>
    <message>
        <source>P&amp;ayload:</source>
        <translation>载荷(&amp;A)：</translation>
    </message>
    <message>
        <source>Datagrams to se&amp;nd:</source>
        <translation>发送数据报数(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>每隔(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Receive for:</source>
        <translation>接收时长(&amp;R)：</translation>
    </message>
    <message>
        <source>Read b&amp;uffer:</source>
        <translation>读缓冲区(&amp;U)：</translation>
    </message>
    <message>
        <source>Lossy lab echo, losing</source>
        <translation>有丢包的实验室回显，丢包率</translation>
    </message>
    <message>
        <source>Start an echo server for this panel that drops a share of the datagrams it receives, as a busy network would, and send to it</source>
        <translation>为本面板启动一个回显服务器，它会像繁忙的网络那样丢弃一部分收到的数据报；然后向它发送</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GBK</source>
        <translation>GBK</translation>
    </message>
    <message>
        <source>Latin-1 (ISO-8859-1)</source>
        <translation>Latin-1 (ISO-8859-1)</translation>
    </message>
    <message>
        <source>How the payload bytes are read as characters in the table</source>
        <translation>表格中如何把载荷字节读作字符</translation>
    </message>
    <message>
        <source>Broadcast and multicast…</source>
        <translation>广播与组播…</translation>
    </message>
    <message>
        <source>Options for the LAN lessons: SO_BROADCAST, and joining a multicast group</source>
        <translation>局域网课程用的选项：SO_BROADCAST，以及加入组播组</translation>
    </message>
    <message>
        <source>Broadcast and multicast (LAN lessons)</source>
        <translation>广播与组播（局域网课程）</translation>
    </message>
    <message>
        <source>Allow broadcast (SO_BROADCAST)</source>
        <translation>允许广播（SO_BROADCAST）</translation>
    </message>
    <message>
        <source>s.setsockopt(SOL_SOCKET, SO_BROADCAST, 1): needed to send to 255.255.255.255 or to the broadcast address of your network (such as 192.168.1.255); without it the system refuses with EACCES</source>
        <translation>s.setsockopt(SOL_SOCKET, SO_BROADCAST, 1)：要向 255.255.255.255 或本网络的广播地址（如 192.168.1.255）发送，就需要它；没有它，系统会以 EACCES 拒绝</translation>
    </message>
    <message>
        <source>none, e.g. 239.1.2.3</source>
        <translation>无，例如 239.1.2.3</translation>
    </message>
    <message>
        <source>Join this multicast group (IP_ADD_MEMBERSHIP) to receive what is sent to it; left empty, the socket joins none</source>
        <translation>加入此组播组（IP_ADD_MEMBERSHIP），以接收发往该组的数据；留空则套接字不加入任何组</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>The address of the interface to join the group on, and to send to the group by (IP_MULTICAST_IF); empty: the system chooses. 127.0.0.1 keeps it all on this computer.</source>
        <translation>在哪个网络接口上加入组播组、又从哪个接口向组发送（IP_MULTICAST_IF），用接口的地址指定；留空：由系统选择。127.0.0.1 让一切都留在本机。</translation>
    </message>
    <message>
        <source>default (1)</source>
        <translation>默认（1）</translation>
    </message>
    <message>
        <source>IP_MULTICAST_TTL: how many routers a multicast datagram may cross. 1 keeps it on the local network.</source>
        <translation>IP_MULTICAST_TTL：组播数据报最多可以经过多少个路由器。1 表示只留在本地网络内。</translation>
    </message>
    <message>
        <source>default (on)</source>
        <translation>默认（开）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>IP_MULTICAST_LOOP: whether this computer also receives what it sends to a group. On the interface 127.0.0.1 it changes nothing: what leaves by the loopback interface always comes back in.</source>
        <translation>IP_MULTICAST_LOOP：本机是否也接收自己发往组的数据。在接口 127.0.0.1 上它不起作用：从回环接口发出的数据总会回来。</translation>
    </message>
    <message>
        <source>Multicast &amp;group:</source>
        <translation>组播组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>网络接口(&amp;I)：</translation>
    </message>
    <message>
        <source>TT&amp;L:</source>
        <translation>TTL(&amp;L)：</translation>
    </message>
    <message>
        <source>L&amp;oopback:</source>
        <translation>回环(&amp;O)：</translation>
    </message>
    <message>
        <source>Connected socket</source>
        <translation>已连接的套接字（connected socket）</translation>
    </message>
    <message>
        <source>Unconnected socket</source>
        <translation>未连接的套接字（unconnected socket）</translation>
    </message>
    <message>
        <source>connect() sends nothing: it records the peer, so send() needs no address and recv() keeps only the peer&apos;s datagrams</source>
        <translation>connect() 不发送任何数据：它只记下对端，因此 send() 无需地址，recv() 只保留对端发来的数据报</translation>
    </message>
    <message>
        <source>Each sendto() names the destination; recvfrom() also returns who sent each datagram, which may be anyone</source>
        <translation>每次 sendto() 都注明目的地；recvfrom() 还会返回每个数据报的发送方，而发送方可能是任何人</translation>
    </message>
    <message>
        <source>Datagrams</source>
        <translation>数据报</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>This column&apos;s send as a program: connect, send, recv</source>
        <translation>把本列的发送写成程序：connect、send、recv</translation>
    </message>
    <message>
        <source>This column&apos;s send as a program: sendto, recvfrom</source>
        <translation>把本列的发送写成程序：sendto、recvfrom</translation>
    </message>
    <message>
        <source>The lossy echo could not start: %1</source>
        <translation>丢包回显无法启动：%1</translation>
    </message>
    <message>
        <source>Starting a lossy echo… Send waits until it listens.</source>
        <translation>正在启动丢包回显…“发送”会等到它开始监听。</translation>
    </message>
    <message>
        <source>An echo server for this panel runs on %1 and throws away %2 % of the datagrams it receives, at random. The counters below show the loss.</source>
        <translation>本面板的回显服务器运行在 %1 上，会随机丢弃它收到的 %2 % 的数据报。下面的计数器显示丢包情况。</translation>
    </message>
    <message>
        <source>The bytes are the same; only how they are read as characters changes. Text sent as UTF-8 and read as %1 turns into mojibake (乱码): each encoding maps bytes to characters its own way, and only ASCII reads the same in all three.</source>
        <translation>字节是相同的，变的只是把它们读作字符的方式。以 UTF-8 发送的文本按 %1 读取就会变成乱码：每种编码都以自己的方式把字节映射为字符，只有 ASCII 在三种编码中读出来都一样。</translation>
    </message>
    <message>
        <source>the payload cannot be read</source>
        <translation>无法读取载荷</translation>
    </message>
    <message>
        <source>%L1 bytes do not fit in one UDP datagram over IPv6: the most is %L2 (65,535 in the length field, less the 8-byte UDP header). sendto() would fail with EMSGSIZE.</source>
        <translation>%L1 字节放不进一个基于 IPv6 的 UDP 数据报：最多 %L2 字节（长度字段的上限 65,535 减去 8 字节的 UDP 首部）。sendto() 会以 EMSGSIZE 失败。</translation>
    </message>
    <message>
        <source>%L1 bytes do not fit in one UDP datagram over IPv4: the most is %L2 (65,535, less the 20-byte IPv4 header and the 8-byte UDP header). sendto() would fail with EMSGSIZE.</source>
        <translation>%L1 字节放不进一个基于 IPv4 的 UDP 数据报：最多 %L2 字节（65,535 减去 20 字节的 IPv4 首部和 8 字节的 UDP 首部）。sendto() 会以 EMSGSIZE 失败。</translation>
    </message>
    <message>
        <source>An empty datagram: legal in UDP (RFC 868 time sends one). One datagram carries at most %L1 bytes over IPv4, %L2 over IPv6.</source>
        <translation>空数据报：在 UDP 中是合法的（RFC 868 time 协议就发送空数据报）。一个数据报基于 IPv4 最多携带 %L1 字节，基于 IPv6 最多 %L2 字节。</translation>
    </message>
    <message>
        <source>%1 in each datagram. One datagram carries at most %L2 bytes over IPv4, %L3 over IPv6; an empty one is legal.</source>
        <translation>每个数据报 %1。一个数据报基于 IPv4 最多携带 %L2 字节，基于 IPv6 最多 %L3 字节；空数据报也是合法的。</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 字节</translation>
    </message>
    <message>
        <source>%1 is not a multicast group: IPv4 groups are 224.0.0.0 to 239.255.255.255, IPv6 ones start with ff.</source>
        <translation>%1 不是组播组：IPv4 组播组为 224.0.0.0 到 239.255.255.255，IPv6 组播组以 ff 开头。</translation>
    </message>
    <message>
        <source>The interface is given by its address, such as 192.168.1.20.</source>
        <translation>网络接口用它的地址指定，例如 192.168.1.20。</translation>
    </message>
    <message>
        <source>Both modes at once use two sockets, and two sockets cannot bind the same port: choose one mode, or let the system pick.</source>
        <translation>“两者”模式同时使用两个套接字，而两个套接字不能绑定同一个端口：请只选一种模式，或让系统选择端口。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Not sent yet: this socket&apos;s two ends show here.</source>
        <translation>尚未发送：此处将显示该套接字的两端。</translation>
    </message>
    <message>
        <source>Sent 0 · Received 0</source>
        <translation>已发送 0 · 已接收 0</translation>
    </message>
    <message>
        <source>not bound yet</source>
        <translation>尚未绑定</translation>
    </message>
    <message>
        <source>Local (getsockname): %1
Remote (%2): %3</source>
        <translation>本地（getsockname）：%1
远端（%2）：%3</translation>
    </message>
    <message>
        <source>getpeername</source>
        <translation>getpeername</translation>
    </message>
    <message>
        <source>sendto</source>
        <translation>sendto</translation>
    </message>
    <message>
        <source>Sent %L1 · Received %L2 · Answered %L3 · No reply %L4</source>
        <translation>已发送 %L1 · 已接收 %L2 · 已回复 %L3 · 无回复 %L4</translation>
    </message>
    <message>
        <source> (%1 % lost)</source>
        <translation> （丢包 %1 %）</translation>
    </message>
    <message>
        <source> · Cut %L1</source>
        <translation> · 截断 %L1</translation>
    </message>
    <message>
        <source>Sending: %L1 of %L2 sent…</source>
        <translation>正在发送：已发送 %L1 / %L2…</translation>
    </message>
    <message>
        <source>All sent; receiving for up to %1 s…</source>
        <translation>全部发送完毕；最多再接收 %1 秒…</translation>
    </message>
    <message>
        <source>Finished in %1 s.</source>
        <translation>用时 %1 秒完成。</translation>
    </message>
    <message>
        <source>Round trip min / median / max: %1 / %2 / %3 ms.</source>
        <translation>往返时间 最小 / 中位数 / 最大：%1 / %2 / %3 毫秒。</translation>
    </message>
    <message>
        <source>Stopped: the socket is closed.</source>
        <translation>已停止：套接字已关闭。</translation>
    </message>
    <message>
        <source>Sho&amp;w payloads as:</source>
        <translation>载荷显示为(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>swb::UdpSession</name>
    <message>
        <source>The payload is %1, but a UDP datagram over %2 carries at most %3: 65,535 (the largest IP packet) minus the 8-byte UDP header%4. Send less, or split it into several datagrams.</source>
        <translation>载荷为 %1，但基于 %2 的 UDP 数据报最多只能携带 %3：65,535（最大的 IP 包）减去 8 字节的 UDP 首部%4。请少发一些，或拆成多个数据报。</translation>
    </message>
    <message>
        <source> and the 20-byte IPv4 header</source>
        <translation> 以及 20 字节的 IPv4 首部</translation>
    </message>
    <message>
        <source>No answer from the resolver within %1 s.</source>
        <translation>%1 秒内没有收到解析器的回答。</translation>
    </message>
    <message>
        <source>Not started: another session took its place.</source>
        <translation>未开始：另一个会话取代了它。</translation>
    </message>
    <message>
        <source>Send between 1 and %1 datagrams.</source>
        <translation>请发送 1 到 %1 个数据报。</translation>
    </message>
    <message>
        <source>The interval and the window cannot be negative.</source>
        <translation>发送间隔和接收时长都不能为负数。</translation>
    </message>
    <message>
        <source>The read buffer must hold between 1 and 65,536 bytes (the largest datagram).</source>
        <translation>读缓冲区必须在 1 到 65,536 字节之间（最大的数据报）。</translation>
    </message>
    <message>
        <source>The multicast TTL is at most 255.</source>
        <translation>组播 TTL 最大为 255。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a multicast address (224.0.0.0/4 or ff00::/8).</source>
        <translation>“%1”不是组播地址（224.0.0.0/4 或 ff00::/8）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an address of an interface.</source>
        <translation>“%1”不是任何网络接口的地址。</translation>
    </message>
    <message>
        <source>Could not find the address of &apos;%1&apos;: %2</source>
        <translation>找不到“%1”的地址：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no IPv6 address. Choose IPv4 or Any.</source>
        <translation>“%1”没有 IPv6 地址。请选择 IPv4 或“任意”。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no IPv4 address. Choose IPv6 or Any.</source>
        <translation>“%1”没有 IPv4 地址。请选择 IPv6 或“任意”。</translation>
    </message>
    <message>
        <source>UDP has no connection to try: the first %1 address, %2, is used</source>
        <translation>UDP 没有连接可尝试：直接使用第一个 %1 地址 %2</translation>
    </message>
    <message>
        <source>setsockopt%1 failed: %2 (%3)</source>
        <translation>setsockopt%1 失败：%2（%3）</translation>
    </message>
    <message>
        <source>Could not bind UDP port %1: %2 (%3)</source>
        <translation>无法绑定 UDP 端口 %1：%2（%3）</translation>
    </message>
    <message>
        <source>The group %1 is not of the socket&apos;s family (%2).</source>
        <translation>组 %1 与套接字的地址族（%2）不符。</translation>
    </message>
    <message>
        <source>A connected UDP socket only initialises some parameters: nothing is sent. From now on send() goes to %1, and the kernel keeps only datagrams from there.</source>
        <translation>已连接的 UDP 套接字只是初始化了一些参数：并不发送任何数据。从现在起，send() 发往 %1，内核只保留来自那里的数据报。</translation>
    </message>
    <message>
        <source>%1() to %2 was refused: %3 (EACCES). Sending to a broadcast address needs the broadcast option (SO_BROADCAST).</source>
        <translation>发往 %2 的 %1() 被拒绝：%3（EACCES）。向广播地址发送需要打开广播选项（SO_BROADCAST）。</translation>
    </message>
    <message>
        <source>The socket was not bound, so the first sendto() bound it to a port the system chose (an implicit bind).</source>
        <translation>套接字尚未绑定，所以第一次 sendto() 把它绑定到了系统选择的端口（隐式绑定）。</translation>
    </message>
    <message>
        <source>Nothing listens on UDP port %1 at %2: that host said so with an ICMP port-unreachable, which a connected socket hears as ECONNREFUSED on its next call (here %3()). An unconnected socket never hears of it.</source>
        <translation>%2 上没有程序在监听 UDP 端口 %1：该主机回了一个 ICMP 端口不可达报文，已连接的套接字会在下一次调用（这里是 %3()）时以 ECONNREFUSED 得知。未连接的套接字则永远不会知道。</translation>
    </message>
    <message>
        <source>%1, truncated to %2 (MSG_TRUNC): the rest of the datagram is lost</source>
        <translation>%1，被截断为 %2（MSG_TRUNC）：数据报的其余部分丢失</translation>
    </message>
    <message>
        <source>This datagram came from %1, not from %2 where ours went: an unconnected socket accepts datagrams from any sender.</source>
        <translation>这个数据报来自 %1，而不是我们发往的 %2：未连接的套接字接受任何发送方的数据报。</translation>
    </message>
    <message numerus="yes">
        <source>no reply to %n datagram(s) within %1 ms: lost on the way, or the server did not answer (no ICMP port-unreachable came back, so something may listen there)</source>
        <translation>
            <numerusform>%1 毫秒内，%n 个数据报没有收到回复：在途中丢失，或服务器没有回答（没有收到 ICMP 端口不可达，所以那里可能有程序在监听）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no reply to %n datagram(s) within %1 ms: lost, or nothing listens — an unconnected socket cannot tell (connect it to hear of an ICMP port-unreachable)</source>
        <translation>
            <numerusform>%1 毫秒内，%n 个数据报没有收到回复：可能丢失了，也可能那里没有程序在监听——未连接的套接字无法区分（先 connect 才能得知 ICMP 端口不可达）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
</TS>
