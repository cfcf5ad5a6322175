#include "HelpshiftTSRandom.h"

#include "Misc/Guid.h"

FString HelpshiftTSRandom::BytesHex(int32 Count)
{
	FString Out;
	const int32 Wanted = FMath::Clamp(Count, 0, MaxBytes);
	while (Out.Len() < Wanted * 2)
	{
		// FGuid::NewGuid uses the platform's GUID generator (OS cryptographic randomness on every desktop/mobile OS).
		Out += FGuid::NewGuid().ToString(EGuidFormats::Digits).ToLower();
	}
	return Out.Left(Wanted * 2);
}
