// The HTTP requests a bridge's SendHttpRequest starts for TypeScript (TypeScript/ue/adapters/transport.ts):
// built from the fields the adapter sends, answered on the game thread, cancellable all at once when the JsEnv
// goes away. Shared by the game's subsystem and the editor tester.
#pragma once

#include "CoreMinimal.h"
#include "Interfaces/IHttpRequest.h"

/** How one request ended: answered (Error empty; Status and Body) or not (Error: a HelpshiftTSHttpError code). */
struct FHelpshiftTSHttpResult
{
	FString Error;
	int32 Status = 0;
	FString Body;
	/** The answer's clock headers (x-server-time, date), lower-case names: the client estimates clock skew. */
	TMap<FString, FString> Headers;
};

/** Stable codes of FHelpshiftTSHttpResult::Error (TypeScript maps any of them to a transport failure). */
namespace HelpshiftTSHttpError
{
	/** No connection, or no response. */
	inline const TCHAR* const Network = TEXT("network");
	/** The HTTP module refused to start the request. */
	inline const TCHAR* const NotStarted = TEXT("notStarted");
}

/**
 * The requests in flight, by request id.
 *
 * @example
 *   // In the owner (a UObject, or an object whose lifetime a UObject's tracks):
 *   const bool bStarted = Http.Send(Id, TEXT("POST"), Url, TEXT("{\"content-type\":\"application/json\"}"), Body,
 *       this, [this](int32 Done, const FHelpshiftTSHttpResult& Result) {
 *           if (Http.Finish(Done)) { Answer(Done, Result); } // false: cancelled meanwhile
 *       });
 */
class HELPSHIFTTS_API FHelpshiftTSHttp
{
public:
	/** Runs on the game thread, only while the owner given to Send lives. */
	using FCompletion = TFunction<void(int32 RequestId, const FHelpshiftTSHttpResult& Result)>;

	/** Cancels what is still in flight. */
	~FHelpshiftTSHttp();

	/**
	 * Starts Method Url with the headers of HeadersJson ({"name":"value"}; anything else sends none) and Body
	 * (no content when empty), and keeps it in flight under RequestId. OnComplete runs once, later, on the game
	 * thread, and only while Owner lives (it is held weakly); it should call Finish first. False when the HTTP
	 * module refused to start it: it is then not kept and OnComplete never runs.
	 */
	bool Send(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body,
		UObject* Owner, FCompletion OnComplete);

	/** Forgets RequestId; true when it was in flight (its answer is wanted), false after CancelAll or a repeat. */
	bool Finish(int32 RequestId);

	/** Unbinds and cancels every request in flight: no completion of theirs runs afterwards. */
	void CancelAll();

	/** How many requests are in flight. */
	int32 Num() const { return Pending.Num(); }

private:
	TMap<int32, FHttpRequestPtr> Pending;
};
