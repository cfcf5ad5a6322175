// The stand-in engine's HTTP module: real HTTP/1.1 over TCP (http:// only; the tests' service is on 127.0.0.1).
// ProcessRequest starts a worker thread; the completion delegate runs on the game thread, from the HTTP
// manager's core ticker, as the engine's FHttpManager::Tick completes requests. CancelRequest completes the
// request unsuccessfully on a later tick (if still bound) and drops the worker's answer.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "Containers/Ticker.h"
#include "HttpModule.h"
#include "Interfaces/IHttpResponse.h"

namespace
{
	class FHsHttpResponse : public IHttpResponse
	{
	public:
		int32 Code = 0;
		std::string Body;
		/** Header lines, names lower-cased. */
		std::string Head;
		int32 GetResponseCode() const override { return Code; }
		FString GetContentAsString() const override { return HsEngine::Wide(Body); }
		FString GetHeader(const FString& HeaderName) const override
		{
			std::string Name = HsEngine::Narrow(HeaderName);
			for (char& C : Name) C = (char)std::tolower((unsigned char)C);
			const std::string Key = "\r\n" + Name + ":";
			const size_t At = Head.find(Key);
			if (At == std::string::npos) return FString();
			const size_t Start = Head.find_first_not_of(' ', At + Key.size());
			const size_t End = Head.find("\r\n", At + Key.size());
			return HsEngine::Wide(Head.substr(Start, (End == std::string::npos ? Head.size() : End) - Start));
		}
	};

	class FHsHttpRequest;
	std::mutex GDoneMutex;
	std::vector<std::shared_ptr<FHsHttpRequest>> GDone;
	bool GManagerTicking = false;

	class FHsHttpRequest : public IHttpRequest, public std::enable_shared_from_this<FHsHttpRequest>
	{
	public:
		void SetVerb(const FString& Verb) override { Method = HsEngine::Narrow(Verb); }
		void SetURL(const FString& URL) override { Url = HsEngine::Narrow(URL); }
		void SetHeader(const FString& Name, const FString& Value) override { Headers.push_back({HsEngine::Narrow(Name), HsEngine::Narrow(Value)}); }
		void SetContentAsString(const FString& Content) override { Body = HsEngine::Narrow(Content); }
		FHttpRequestCompleteDelegate& OnProcessRequestComplete() override { return Complete; }
		bool ProcessRequest() override
		{
			std::string Host, Path;
			int Port = 80;
			if (Url.rfind("http://", 0) != 0 || bStarted)
			{
				return false;
			}
			const std::string Rest = Url.substr(7);
			const size_t Slash = Rest.find('/');
			const std::string HostPort = Rest.substr(0, Slash);
			Path = Slash == std::string::npos ? "/" : Rest.substr(Slash);
			const size_t Colon = HostPort.find(':');
			Host = HostPort.substr(0, Colon);
			if (Colon != std::string::npos) Port = std::atoi(HostPort.substr(Colon + 1).c_str());
			bStarted = true;
			std::string Auth = "-";
			for (const auto& Header : Headers)
				if (FString(HsEngine::Wide(Header.first)) == TEXT("authorization") && Header.second.size() > 12) Auth = Header.second.substr(Header.second.size() - 12);
			HsEngine::HttpLog.push_back(Method + " " + Path + " auth=" + Auth);
			++HsEngine::HttpInFlight;
			std::shared_ptr<FHsHttpRequest> Self = shared_from_this();
			std::thread([Self, Host, Port, Path]() { Self->Run(Host, Port, Path); }).detach();
			return true;
		}
		void CancelRequest() override
		{
			if (bCancelled.exchange(true) || bFinished)
			{
				return;
			}
			const int Fd = Socket.load();
			if (Fd >= 0) shutdown(Fd, SHUT_RDWR);
		}

		void Run(const std::string& Host, int Port, const std::string& Path)
		{
			auto Response = std::make_shared<FHsHttpResponse>();
			bool bOk = Exchange(Host, Port, Path, *Response);
			std::lock_guard<std::mutex> Lock(GDoneMutex);
			Result = bOk ? Response : nullptr;
			GDone.push_back(shared_from_this());
		}

		bool Exchange(const std::string& Host, int Port, const std::string& Path, FHsHttpResponse& Out)
		{
			const int Fd = socket(AF_INET, SOCK_STREAM, 0);
			if (Fd < 0) return false;
			Socket = Fd;
			sockaddr_in Address{};
			Address.sin_family = AF_INET;
			Address.sin_port = htons((uint16_t)Port);
			if (inet_pton(AF_INET, Host == "localhost" ? "127.0.0.1" : Host.c_str(), &Address.sin_addr) != 1 ||
				bCancelled || connect(Fd, (sockaddr*)&Address, sizeof Address) != 0)
			{
				close(Fd);
				return false;
			}
			std::string Text = Method + " " + Path + " HTTP/1.1\r\nHost: " + Host + ":" + std::to_string(Port) + "\r\nConnection: close\r\n";
			for (const auto& Header : Headers) Text += Header.first + ": " + Header.second + "\r\n";
			if (!Body.empty() || Method == "POST" || Method == "PUT") Text += "Content-Length: " + std::to_string(Body.size()) + "\r\n";
			Text += "\r\n" + Body;
			for (size_t Sent = 0; Sent < Text.size();)
			{
				const ssize_t N = send(Fd, Text.data() + Sent, Text.size() - Sent, MSG_NOSIGNAL);
				if (N <= 0) { close(Fd); return false; }
				Sent += (size_t)N;
			}
			std::string Raw;
			char Buffer[16384];
			for (;;)
			{
				const ssize_t N = recv(Fd, Buffer, sizeof Buffer, 0);
				if (N <= 0) break;
				Raw.append(Buffer, (size_t)N);
			}
			close(Fd);
			Socket = -1;
			const size_t HeaderEnd = Raw.find("\r\n\r\n");
			if (bCancelled || HeaderEnd == std::string::npos || Raw.rfind("HTTP/1.", 0) != 0) return false;
			Out.Code = std::atoi(Raw.c_str() + Raw.find(' ') + 1);
			std::string Head = Raw.substr(0, HeaderEnd);
			for (char& C : Head) C = (char)std::tolower((unsigned char)C);
			Out.Head = Head;
			std::string Content = Raw.substr(HeaderEnd + 4);
			if (Head.find("transfer-encoding: chunked") != std::string::npos)
			{
				std::string Joined;
				size_t At = 0;
				for (;;)
				{
					const size_t LineEnd = Content.find("\r\n", At);
					if (LineEnd == std::string::npos) return false;
					const size_t Size = std::strtoul(Content.substr(At, LineEnd - At).c_str(), nullptr, 16);
					if (Size == 0) break;
					Joined += Content.substr(LineEnd + 2, Size);
					At = LineEnd + 2 + Size + 2;
				}
				Content = Joined;
			}
			Out.Body = Content;
			return true;
		}

		std::string Method = "GET", Url, Body;
		std::vector<std::pair<std::string, std::string>> Headers;
		FHttpRequestCompleteDelegate Complete;
		std::shared_ptr<FHsHttpResponse> Result;
		std::atomic<int> Socket{-1};
		std::atomic<bool> bCancelled{false};
		bool bStarted = false;
		bool bFinished = false;
	};

	/** FHttpManager::Tick: completes finished (and cancelled) requests on the game thread. */
	bool ManagerTick(float)
	{
		std::vector<std::shared_ptr<FHsHttpRequest>> Done;
		{
			std::lock_guard<std::mutex> Lock(GDoneMutex);
			Done.swap(GDone);
		}
		for (const auto& Request : Done)
		{
			Request->bFinished = true;
			--HsEngine::HttpInFlight;
			const bool bOk = Request->Result && !Request->bCancelled;
			const FHttpRequestCompleteDelegate Complete = Request->Complete;
			Complete.ExecuteIfBound(FHttpRequestPtr(std::static_pointer_cast<IHttpRequest>(Request)),
				bOk ? FHttpResponsePtr(std::static_pointer_cast<IHttpResponse>(Request->Result)) : FHttpResponsePtr(), bOk);
		}
		return true;
	}
}

FHttpModule& FHttpModule::Get()
{
	static FHttpModule Module;
	return Module;
}

TSharedRef<IHttpRequest, ESPMode::ThreadSafe> FHttpModule::CreateRequest()
{
	if (!GManagerTicking)
	{
		GManagerTicking = true;
		FTSTicker::GetCoreTicker().AddTicker(FTickerDelegate::CreateLambda([](float Delta) { return ManagerTick(Delta); }));
	}
	return TSharedRef<IHttpRequest, ESPMode::ThreadSafe>(std::static_pointer_cast<IHttpRequest>(std::make_shared<FHsHttpRequest>()));
}
