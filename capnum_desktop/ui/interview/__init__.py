"""The interview screens: new interview (consent), the interview page, finish check and review."""
