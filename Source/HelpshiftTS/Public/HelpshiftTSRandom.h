// Random bytes for TypeScript, which has no crypto in Puerts: the bridges' RandomBytesHex.
#pragma once

#include "CoreMinimal.h"

namespace HelpshiftTSRandom
{
	/** Most bytes one call returns; larger counts are clamped (negative counts give ""). */
	inline constexpr int32 MaxBytes = 1024;

	/**
	 * Count random bytes from the operating system's cryptographic generator (BCryptGenRandom on Windows,
	 * SecRandomCopyBytes on Apple platforms, the kernel's /dev/urandom on Linux and Android), as lowercase hex
	 * (2 * Count characters). Empty when the generator fails: never a weaker fallback.
	 *
	 * @example
	 *   HelpshiftTSRandom::BytesHex(16); // "3f9a..." (32 characters)
	 */
	HELPSHIFTTS_API FString BytesHex(int32 Count);
}
