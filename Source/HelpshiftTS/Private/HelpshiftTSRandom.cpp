#include "HelpshiftTSRandom.h"

#if PLATFORM_WINDOWS
#include "Windows/AllowWindowsPlatformTypes.h"
#include <bcrypt.h>
#include "Windows/HideWindowsPlatformTypes.h"
#elif PLATFORM_MAC || PLATFORM_IOS
#include <Security/SecRandom.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace
{
	/** Fills Out from the operating system's cryptographic generator; false when it cannot. */
	bool FillFromOperatingSystem(uint8* Out, int32 Count)
	{
#if PLATFORM_WINDOWS
		return BCryptGenRandom(nullptr, Out, static_cast<ULONG>(Count), BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
#elif PLATFORM_MAC || PLATFORM_IOS
		return SecRandomCopyBytes(kSecRandomDefault, static_cast<size_t>(Count), Out) == errSecSuccess;
#else
		// Linux and Android: the kernel's generator, the source getrandom() also reads.
		const int File = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
		if (File < 0)
		{
			return false;
		}
		int32 Done = 0;
		while (Done < Count)
		{
			const ssize_t Read = read(File, Out + Done, static_cast<size_t>(Count - Done));
			if (Read < 0 && errno == EINTR)
			{
				continue;
			}
			if (Read <= 0)
			{
				break;
			}
			Done += static_cast<int32>(Read);
		}
		close(File);
		return Done == Count;
#endif
	}
}

FString HelpshiftTSRandom::BytesHex(int32 Count)
{
	const int32 Wanted = FMath::Clamp(Count, 0, MaxBytes);
	uint8 Bytes[MaxBytes];
	if (Wanted == 0 || !FillFromOperatingSystem(Bytes, Wanted))
	{
		// Empty: TypeScript refuses a short answer (RandomSourceError) rather than use weaker randomness.
		return FString();
	}
	static const TCHAR* const Digits = TEXT("0123456789abcdef");
	FString Out;
	for (int32 Index = 0; Index < Wanted; ++Index)
	{
		Out.AppendChar(Digits[Bytes[Index] >> 4]);
		Out.AppendChar(Digits[Bytes[Index] & 0x0f]);
	}
	return Out;
}
